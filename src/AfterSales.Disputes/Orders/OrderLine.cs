using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Orders;

/// <summary>One line of a registered order: what was bought, for how much, and what rules apply to it.</summary>
/// <param name="LineId">The line's identifier within the order.</param>
/// <param name="Sku">The platform's stock-keeping unit.</param>
/// <param name="Title">What the buyer sees.</param>
/// <param name="Categories">Categories that after-sales rules depend on.</param>
/// <param name="UnitPrice">The list price of one unit.</param>
/// <param name="Quantity">How many units were bought.</param>
/// <param name="Paid">What the buyer paid for the line after discounts: the most that can be refunded for it.</param>
/// <param name="SerialNumber">The device's serial number, when it has one.</param>
/// <param name="Brand">The brand, for brand warranties.</param>
/// <param name="PromotionTags">Promotion tags such as <c>clearance</c>.</param>
/// <param name="GiftForLineId">For a free gift, the line it came with.</param>
/// <param name="ExtendedWarrantyMonths">Extra warranty months bought as an add-on.</param>
/// <param name="OnSiteService">Whether on-site service was bought as an add-on.</param>
public sealed record OrderLine(
    string LineId,
    string Sku,
    string Title,
    ItemCategory Categories,
    Amount UnitPrice,
    int Quantity,
    Amount Paid,
    string? SerialNumber = null,
    string? Brand = null,
    IReadOnlyList<string>? PromotionTags = null,
    string? GiftForLineId = null,
    int ExtendedWarrantyMonths = 0,
    bool OnSiteService = false)
{
    /// <summary>True when the line carries the promotion tag (case-insensitive).</summary>
    public bool HasTag(string tag) => PromotionTags?.Contains(tag, StringComparer.OrdinalIgnoreCase) == true;
}
