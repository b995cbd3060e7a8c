using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>One event to one subscription, with its attempts.</summary>
internal sealed class WebhookDeliveryRow
{
    public required string Id { get; set; }

    public required string SubscriptionId { get; set; }

    public required string EventId { get; set; }

    public required string EventType { get; set; }

    public required string Payload { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }
}
