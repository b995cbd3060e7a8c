using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Merchants;

namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>
/// A dispute's summary: what lists, filters, authorisation checks and scorecards read. The dispute
/// itself is its timeline (<see cref="DisputeEventRow"/>); this row is rewritten with every save and
/// carries the version that guards concurrent writes.
/// </summary>
internal sealed class DisputeRow
{
    public required string Id { get; set; }

    public required string OrderId { get; set; }

    public required string LineId { get; set; }

    public required string BuyerId { get; set; }

    public required string StoreId { get; set; }

    public RequestKind Kind { get; set; }

    public DisputeState State { get; set; }

    /// <summary>The number of timeline events; the optimistic concurrency token.</summary>
    public int Version { get; set; }

    public bool IsOpen { get; set; }

    public bool ClaimsShipping { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeadlineDueAt { get; set; }

    public required string Currency { get; set; }

    public long? RequestedRefundMinor { get; set; }

    public bool Escalated { get; set; }

    public string? ArbitratorId { get; set; }

    public string? ServiceCenterId { get; set; }

    public ClosureReason? Closure { get; set; }

    public long? FirstResponseSeconds { get; set; }

    public int SellerTimeouts { get; set; }

    public ArbitrationResult? ArbitrationResult { get; set; }

    public int PenaltyPoints { get; set; }

    public int? RatingStars { get; set; }

    /// <summary>When the latest arbitration round was escalated; null for a case never escalated.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>When the latest round was first ruled (the service level's time to ruling); null before.</summary>
    public DateTimeOffset? RuledAt { get; set; }
}
