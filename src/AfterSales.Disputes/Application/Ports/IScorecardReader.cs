namespace AfterSales.Disputes.Application.Ports;

/// <summary>
/// A store's after-sales scorecard: how many requests it had against how many orders, how fast it
/// answers, how often it let deadlines decide, how arbitration went, penalties and ratings.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="Requests">Requests opened.</param>
/// <param name="RegisteredOrders">Orders registered for the store.</param>
/// <param name="MedianFirstResponse">The median time to the seller's first action, over requests it answered.</param>
/// <param name="Timeouts">How often the seller's silence let a deadline decide.</param>
/// <param name="ArbitrationWins">Rulings that rejected the claim.</param>
/// <param name="ArbitrationLosses">Rulings for the buyer.</param>
/// <param name="ArbitrationSplits">Partial-refund rulings.</param>
/// <param name="PenaltyPoints">Penalty points incurred, all causes, expired ones included.</param>
/// <param name="Ratings">How many buyers rated.</param>
/// <param name="AverageRating">Their average, 1 to 5.</param>
public sealed record StoreScorecard(
    string StoreId,
    int Requests,
    int RegisteredOrders,
    TimeSpan? MedianFirstResponse,
    int Timeouts,
    int ArbitrationWins,
    int ArbitrationLosses,
    int ArbitrationSplits,
    int PenaltyPoints,
    int Ratings,
    double? AverageRating)
{
    /// <summary>Requests per registered order (0 when no order is registered).</summary>
    public double DisputeRate => RegisteredOrders == 0 ? 0 : (double)Requests / RegisteredOrders;
}

/// <summary>Reads store scorecards, maintained from each dispute's scorecard inputs as its events are saved.</summary>
public interface IScorecardReader
{
    /// <summary>The scorecard of <paramref name="storeId"/>.</summary>
    Task<StoreScorecard> ForStoreAsync(string storeId, CancellationToken cancellationToken);

    /// <summary>Every penalty <paramref name="storeId"/> incurred, newest first, expired ones included.</summary>
    Task<IReadOnlyList<Merchants.StorePenalty>> PenaltiesAsync(string storeId, CancellationToken cancellationToken);
}
