namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>A webhook subscription of a store, a service center or a buyer, or of the platform when all three are null.</summary>
internal sealed class WebhookSubscriptionRow
{
    public required string Id { get; set; }

    public string? StoreId { get; set; }

    public required string Url { get; set; }

    public required string Secret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? ServiceCenterId { get; set; }

    public string? BuyerId { get; set; }

    public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
}
