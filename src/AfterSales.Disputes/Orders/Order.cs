using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Orders;

/// <summary>
/// A snapshot of an order as the platform registered it: the buyer, the store, the lines, what was
/// paid, and the dates that after-sales windows count from. Disputes reference its lines.
/// </summary>
/// <param name="OrderId">The platform's order id.</param>
/// <param name="BuyerId">The buyer who placed it.</param>
/// <param name="StoreId">The store that sold it.</param>
/// <param name="Region">The region whose rules and calendar apply, such as <c>CN</c> or <c>DE</c>.</param>
/// <param name="Currency">The currency everything was paid in.</param>
/// <param name="Lines">The order lines.</param>
/// <param name="ShippingPaid">The shipping fee paid for the whole order.</param>
/// <param name="PlacedAt">When the order was placed.</param>
/// <param name="ShippedAt">When it was shipped, if it was.</param>
/// <param name="DeliveredAt">When the buyer received it, if known.</param>
/// <param name="InvoiceDate">The invoice date, from which warranties run.</param>
public sealed record Order(
    string OrderId,
    string BuyerId,
    string StoreId,
    string Region,
    Currency Currency,
    IReadOnlyList<OrderLine> Lines,
    Amount ShippingPaid,
    DateTimeOffset PlacedAt,
    DateTimeOffset? ShippedAt = null,
    DateTimeOffset? DeliveredAt = null,
    DateOnly? InvoiceDate = null)
{
    /// <summary>What the buyer paid in total: every line plus shipping.</summary>
    public Amount TotalPaid => Lines.Aggregate(ShippingPaid, (sum, line) => sum + line.Paid);

    /// <summary>The line with this id, or null.</summary>
    public OrderLine? Line(string lineId) => Lines.FirstOrDefault(l => l.LineId == lineId);

    /// <summary>The free gifts that came with <paramref name="lineId"/>.</summary>
    public IEnumerable<OrderLine> GiftsOf(string lineId) => Lines.Where(l => l.GiftForLineId == lineId);

    /// <summary>
    /// Problems that make the snapshot unusable: no lines, duplicate line ids, amounts in another
    /// currency or negative, a gift for an unknown line. Empty when the order is sound.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Lines.Count == 0)
        {
            problems.Add("An order needs at least one line.");
        }

        foreach (var duplicate in Lines.GroupBy(l => l.LineId).Where(g => g.Count() > 1))
        {
            problems.Add($"Line id '{duplicate.Key}' appears more than once.");
        }

        foreach (var (name, amount) in Lines.SelectMany(l => new[] { ($"line {l.LineId} paid", l.Paid), ($"line {l.LineId} unit price", l.UnitPrice) })
            .Append(("shipping", ShippingPaid)))
        {
            if (amount.Currency != Currency)
            {
                problems.Add($"The {name} is in {amount.Currency}, not the order currency {Currency}.");
            }
            else if (amount.IsNegative)
            {
                problems.Add($"The {name} is negative.");
            }
        }

        foreach (var line in Lines)
        {
            if (line.Quantity < 1)
            {
                problems.Add($"Line {line.LineId} has a quantity below 1.");
            }

            if (line.GiftForLineId is { } main && (main == line.LineId || Line(main) is null))
            {
                problems.Add($"Line {line.LineId} is a gift for an unknown line '{main}'.");
            }
        }

        return problems;
    }
}
