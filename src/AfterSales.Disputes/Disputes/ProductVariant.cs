using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Disputes;

/// <summary>Another variant of the product bought (a size, a colour, another SKU), as an exchange asks for it.</summary>
/// <param name="Sku">The variant's stock-keeping unit.</param>
/// <param name="Description">What the buyer sees, such as "white" or "size 42".</param>
/// <param name="UnitPrice">Its list price for one unit; the difference from the item's list price is refunded or paid.</param>
public sealed record ProductVariant(string Sku, string Description, Amount UnitPrice);
