namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>A registered order snapshot.</summary>
internal sealed class OrderRow
{
    public required string OrderId { get; set; }

    public required string BuyerId { get; set; }

    public required string StoreId { get; set; }

    public required string Region { get; set; }

    public required string Currency { get; set; }

    public long ShippingPaidMinor { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset? ShippedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateOnly? InvoiceDate { get; set; }

    /// <summary>A hash of the whole snapshot: registering the same order twice is recognised by it.</summary>
    public required string Fingerprint { get; set; }

    public List<OrderLineRow> Lines { get; set; } = [];
}
