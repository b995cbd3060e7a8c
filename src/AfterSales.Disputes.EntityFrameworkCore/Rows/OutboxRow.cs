using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>An outbox message, written with the state change that caused it.</summary>
internal sealed class OutboxRow
{
    public required string Id { get; set; }

    public OutboxKind Kind { get; set; }

    public required string DisputeId { get; set; }

    public required string StoreId { get; set; }

    public required string Type { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null until dispatched.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LastError { get; set; }
}
