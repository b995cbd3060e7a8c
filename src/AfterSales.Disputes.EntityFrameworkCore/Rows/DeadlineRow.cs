using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>A dispute's live deadline (at most one), indexed by due time for the worker.</summary>
internal sealed class DeadlineRow
{
    public required string DisputeId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DisputeAction ExpiresWith { get; set; }

    /// <summary>Until when a worker holds the claim; others skip it meanwhile.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LeaseOwner { get; set; }
}
