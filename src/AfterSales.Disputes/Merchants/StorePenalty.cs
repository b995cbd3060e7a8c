namespace AfterSales.Disputes.Merchants;

/// <summary>Why a store incurred penalty points.</summary>
public enum PenaltyCause
{
    /// <summary>A seller response deadline passed without the seller's answer, and the deadline decided.</summary>
    ResponseDeadlineMissed,

    /// <summary>The store lost an arbitration: the buyer got what was claimed.</summary>
    ArbitrationLost,

    /// <summary>After a ruling set what the store must do, the seller let the deadline for it pass.</summary>
    RulingNotCarriedOut,

    /// <summary>An arbitrator found the seller's evidence false.</summary>
    FalseEvidence,

    /// <summary>Points the arbitrator gave in a ruling, with the arbitrator's reason.</summary>
    ArbitratorPenalty,
}

/// <summary>
/// Points a store incurred on one case, with the timeline event that caused them. The case keeps them as its events
/// happen; an appeal that overturns a ruling takes that ruling's points away.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="DisputeId">The case.</param>
/// <param name="Sequence">The timeline event that caused them.</param>
/// <param name="At">When.</param>
/// <param name="Cause">The rule.</param>
/// <param name="Points">How many points.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="ExpiresAt">When they stop counting.</param>
/// <param name="ArbitrationRound">For a ruling's points, the arbitration round of the ruling; otherwise null.</param>
public sealed record StorePenalty(
    string StoreId,
    string DisputeId,
    int Sequence,
    DateTimeOffset At,
    PenaltyCause Cause,
    int Points,
    string Reason,
    DateTimeOffset ExpiresAt,
    int? ArbitrationRound = null)
{
    /// <summary>Whether the points still count at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => now < ExpiresAt;
}
