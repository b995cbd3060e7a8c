using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Merchants;

/// <summary>How arbitration ended for the store.</summary>
public enum ArbitrationResult
{
    /// <summary>The claim was rejected.</summary>
    StoreWon,

    /// <summary>The buyer got what was claimed.</summary>
    StoreLost,

    /// <summary>A partial refund.</summary>
    Split,
}

/// <summary>
/// What one dispute contributes to its store's scorecard: response time, timeouts, arbitration
/// result, penalties, rating. Recorded on the dispute as it happens.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="OpenedAt">When the request was opened.</param>
/// <param name="FirstSellerResponseAt">When the seller first acted, if ever.</param>
/// <param name="SellerTimeouts">How often the seller's silence let a deadline decide.</param>
/// <param name="Arbitration">How arbitration ended, if it was escalated and ruled.</param>
/// <param name="PenaltyPoints">Penalty points the case incurred (<see cref="Disputes.Dispute.Penalties"/>).</param>
/// <param name="RatingStars">The buyer's rating, once given.</param>
/// <param name="ClosedAt">When the dispute closed.</param>
/// <param name="Closure">Why it closed.</param>
public sealed record ScorecardInputs(
    string StoreId,
    DateTimeOffset OpenedAt,
    DateTimeOffset? FirstSellerResponseAt = null,
    int SellerTimeouts = 0,
    ArbitrationResult? Arbitration = null,
    int PenaltyPoints = 0,
    int? RatingStars = null,
    DateTimeOffset? ClosedAt = null,
    ClosureReason? Closure = null)
{
    /// <summary>The seller's first response time, if the seller responded.</summary>
    public TimeSpan? FirstResponseTime => FirstSellerResponseAt - OpenedAt;
}
