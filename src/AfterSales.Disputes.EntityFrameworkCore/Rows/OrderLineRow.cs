using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>One line of a registered order.</summary>
internal sealed class OrderLineRow
{
    public required string OrderId { get; set; }

    public required string LineId { get; set; }

    /// <summary>The line's place in the order, to read the lines back in order.</summary>
    public int Position { get; set; }

    public required string Sku { get; set; }

    public required string Title { get; set; }

    public ItemCategory Categories { get; set; }

    public long UnitPriceMinor { get; set; }

    public int Quantity { get; set; }

    public long PaidMinor { get; set; }

    public string? SerialNumber { get; set; }

    public string? Brand { get; set; }

    /// <summary>Promotion tags joined with <c>|</c>.</summary>
    public string? PromotionTags { get; set; }

    public string? GiftForLineId { get; set; }

    public int ExtendedWarrantyMonths { get; set; }

    public bool OnSiteService { get; set; }
}
