using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Disputes;

/// <summary>Units of one order line: what a buyer asks about, or what a seller received back.</summary>
/// <param name="LineId">The order line.</param>
/// <param name="Quantity">How many of its units, at least 1.</param>
public sealed record RequestedLine(string LineId, int Quantity);

/// <summary>
/// One order line of a request, as it was opened: how many of its units the request holds (no other
/// request may ask about them while it is open) and the most it can refund for them.
/// </summary>
/// <param name="LineId">The order line.</param>
/// <param name="Units">The units the request is about; null for requests opened before quantities existed, which hold the whole line.</param>
/// <param name="Ceiling">
/// The most the request can refund for these units: the line's paid amount shared by unit, within what the
/// line has left after other requests' refunds. Zero for a free gift.
/// </param>
/// <param name="GiftFor">For a free gift that comes back with its item, that item's line.</param>
/// <param name="UnitPrice">The line's list price for one unit, against which an exchanged variant's price is compared; null in requests opened before variants.</param>
public sealed record DisputedLine(string LineId, int? Units, Amount Ceiling, string? GiftFor = null, Amount? UnitPrice = null)
{
    /// <summary>The most refunded for <paramref name="received"/> of the units (the ceiling shared by unit, rounded down).</summary>
    public Amount CeilingFor(int received) => Units is { } units && received < units
        ? new Amount(Ceiling.MinorUnits * Math.Max(received, 0) / units, Ceiling.Currency)
        : Ceiling;
}
