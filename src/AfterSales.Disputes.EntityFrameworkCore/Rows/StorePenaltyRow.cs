using AfterSales.Disputes.Merchants;

namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>
/// One penalty a case incurred for its store, kept with the case's events: a save rewrites the case's rows when its
/// penalties changed (a new one, or an overturned ruling's taken away).
/// </summary>
internal sealed class StorePenaltyRow
{
    /// <summary><c>dispute/sequence/cause</c>.</summary>
    public required string Id { get; set; }

    public required string DisputeId { get; set; }

    public required string StoreId { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public PenaltyCause Cause { get; set; }

    public int Points { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int? ArbitrationRound { get; set; }
}
