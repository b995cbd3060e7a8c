namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>A webhook subscription of a store, or of the platform when <see cref="StoreId"/> is null.</summary>
internal sealed class WebhookSubscriptionRow
{
    public required string Id { get; set; }

    public string? StoreId { get; set; }

    public required string Url { get; set; }

    public required string Secret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
