using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.Disputes;

/// <summary>
/// What an order has left to refund, given all its disputes: per line, what was paid minus what
/// disputes refunded or are refunding; the shipping fee, unless a dispute claimed it; and per line, the
/// units that open disputes hold. A unit is in at most one open dispute, and a new dispute's ceiling is
/// what its units' share leaves after the others', so no dispute's ceiling can be eaten by another.
/// </summary>
public sealed class OrderRefunds
{
    private readonly Order _order;
    private readonly IReadOnlyList<Dispute> _disputes;

    private OrderRefunds(Order order, IReadOnlyList<Dispute> disputes)
    {
        _order = order;
        _disputes = disputes;
    }

    /// <summary>The refund position of <paramref name="order"/> given its <paramref name="disputes"/>.</summary>
    /// <exception cref="ArgumentException">A dispute belongs to another order.</exception>
    public static OrderRefunds Of(Order order, IEnumerable<Dispute> disputes)
    {
        ArgumentNullException.ThrowIfNull(order);
        var list = disputes.ToList();
        if (list.Find(d => d.OrderId != order.OrderId) is { } stranger)
        {
            throw new ArgumentException($"Dispute {stranger.Id} belongs to order {stranger.OrderId}, not {order.OrderId}.", nameof(disputes));
        }

        return new OrderRefunds(order, list);
    }

    /// <summary>The order.</summary>
    public Order Order => _order;

    /// <summary>The open disputes that hold units of <paramref name="lineId"/>.</summary>
    public IEnumerable<Dispute> OpenDisputesOn(string lineId) => _disputes.Where(d => !d.IsClosed && d.UnitsOn(lineId) > 0);

    /// <summary>The units of <paramref name="lineId"/> no open dispute holds.</summary>
    public int AvailableUnits(string lineId) => _order.Line(lineId) is { } line
        ? Math.Max(0, line.Quantity - OpenDisputesOn(lineId).Sum(d => Math.Min(d.UnitsOn(lineId), line.Quantity)))
        : 0;

    /// <summary>Refunded or being refunded for the line.</summary>
    public Amount CommittedOnLine(string lineId) =>
        Sum(_disputes.Select(d => d.RefundedOn(lineId)));

    /// <summary>Refunded or being refunded of the shipping fee.</summary>
    public Amount CommittedShipping => Sum(_disputes.Select(d => d.Refund?.ShippingPart));

    /// <summary>What can still be refunded for the line.</summary>
    public Amount RemainingOnLine(string lineId) =>
        (_order.Line(lineId)?.Paid ?? Amount.Zero(_order.Currency)) - CommittedOnLine(lineId);

    /// <summary>
    /// What can still be refunded of the shipping fee: nothing while another open dispute claims it.
    /// </summary>
    public Amount RemainingShipping =>
        _disputes.Any(d => d.ClaimsShipping && !d.IsClosed && d.Refund is null)
            ? Amount.Zero(_order.Currency)
            : _order.ShippingPaid - CommittedShipping;

    private Amount Sum(IEnumerable<Amount?> amounts) =>
        amounts.Aggregate(Amount.Zero(_order.Currency), (sum, amount) => amount is { } value ? sum + value : sum);
}
