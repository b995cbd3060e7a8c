using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.Disputes;

/// <summary>
/// What an order has left to refund, given all its disputes: per line, what was paid minus what
/// disputes refunded or are refunding; the shipping fee, unless a dispute claimed it. Only one dispute
/// per line may be open at a time, so a new dispute's ceiling cannot be eaten by another.
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

    /// <summary>The open dispute on <paramref name="lineId"/>, if any.</summary>
    public Dispute? OpenDisputeOn(string lineId) => _disputes.FirstOrDefault(d => d.LineId == lineId && !d.IsClosed);

    /// <summary>Refunded or being refunded for the line.</summary>
    public Amount CommittedOnLine(string lineId) =>
        Sum(_disputes.Where(d => d.LineId == lineId).Select(d => d.Refund?.ItemPart));

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
