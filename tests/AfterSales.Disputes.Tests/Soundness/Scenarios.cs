using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Soundness;

/// <summary>
/// The marketplaces the explorer opens cases in, chosen to cover every branch of the policies: the China
/// pack at a flagship store and at an authorised reseller, the EU pack, a router with on-site service, a line
/// without a brand warranty,
/// out of warranty, a liquid-damage declaration, clearance items, a gift line, a serial number that is not
/// the order's (flagged or refused), exchanges for another variant (cheaper, the same price, dearer: its difference
/// charged), several
/// lines and quantities in one request (and units another open
/// request holds), a claimed shipping fee, and two disputes on one order, with no-reason exchanges where a
/// store offers them. Each opens every kind of request it can (a request the policy refuses is
/// counted, not explored).
/// </summary>
public static class Scenarios
{
    private static readonly DateTimeOffset s_soon = Delivered.AddDays(2);

    /// <summary>A scenario: an order, the disputes already closed on it, and the requests to open.</summary>
    public sealed record Scenario(string Name, Order Order, DateTimeOffset OpenedAt, IReadOnlyList<OpenDisputeRequest> Requests, Func<Order, IReadOnlyList<Dispute>>? Before = null);

    /// <summary>Every scenario.</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("China pack, flagship store", RouterOrder(Flagship), s_soon, EveryKind("line-router", Yuan(399))),
        new("China pack, authorised reseller", RouterOrder(Reseller), s_soon, EveryKind("line-router", Yuan(399))),
        new("EU pack", RouterOrder(GermanStore), s_soon, EveryKind("line-router", Euro(399))),
        new("on-site service", RouterOrder(Flagship, onSite: true), s_soon, EveryKind("line-router", Yuan(399))),
        new("line without a brand warranty", RouterOrder(Flagship), s_soon,
        [
            Request(RequestKind.RefundOnly, RequestReason.MissingParts, Yuan(40), lineId: "line-cable"),
            Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(40), lineId: "line-cable"),
            Request(RequestKind.Exchange, RequestReason.WrongSize, lineId: "line-cable"),
            Request(RequestKind.Repair, RequestReason.Defective, lineId: "line-cable", repair: RouterRepair()),
        ]),
        new("out of warranty", RouterOrder(Flagship), Placed.AddMonths(26),
            [Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair())]),
        new("liquid damage declared", RouterOrder(Flagship), Delivered.AddDays(40),
            [Request(RequestKind.Repair, RequestReason.Defective, cause: FaultCause.LiquidDamage, repair: RouterRepair())]),
        new("clearance item", RouterOrder(Reseller, tags: "clearance"), s_soon, EveryKind("line-router", Yuan(399))),
        new("gift line", RouterOrder(Flagship), s_soon,
        [
            Request(RequestKind.Exchange, RequestReason.WrongSize),
            Request(RequestKind.Exchange, RequestReason.WrongSize, lineId: "line-gift"),
        ]),
        new("serial number not the order's, flagged", RouterOrder(Reseller), Delivered.AddDays(40),
            [Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair(serialNumber: "LW3000-99999"))]),
        new("serial number not the order's, refused", RouterOrder(Flagship), Delivered.AddDays(40),
            [Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair(serialNumber: "LW3000-99999"))]),
        new("exchange for another colour", RouterOrder(Flagship), s_soon,
        [
            Request(RequestKind.Exchange, RequestReason.NoReason) with { Variant = new ProductVariant("LW-AX3000-W", "white", Yuan(379)) },
            Request(RequestKind.Exchange, RequestReason.Defective) with { Variant = new ProductVariant("LW-AX3000-B", "black", Yuan(399)) },
            Request(RequestKind.Exchange, RequestReason.NoReason) with { Variant = new ProductVariant("LW-AX6000", "the AX6000", Yuan(599)) },
        ]),
        new("several lines and quantities", PeripheralsOrder(), s_soon,
        [
            Units(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(200), mice: 2),
            Units(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(300), mice: 1, keyboard: true),
            Units(RequestKind.Exchange, RequestReason.NoReason, null, mice: 2, keyboard: true),
            Units(RequestKind.RefundOnly, RequestReason.MissingParts, Yuan(150), mice: 3),
        ]),
        new("units held by another open request", PeripheralsOrder(), s_soon,
        [
            Units(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(100), mice: 1, id: "dispute-2"),
            Units(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(200), mice: 2, id: "dispute-2"),
        ], TwoMiceHeld),
        new("shipping fee claimed", RouterOrder(Flagship, notShipped: true), Placed.AddHours(6),
            [Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(409), claimsShipping: true)]),
        new("two disputes on one order", RouterOrder(Flagship), s_soon.AddDays(1),
        [
            Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(289), disputeId: "dispute-2"),
            Request(RequestKind.RefundOnly, RequestReason.Defective, Yuan(289), disputeId: "dispute-2", claimsShipping: true),
        ], RefundedBefore),
    ];

    /// <summary>
    /// Deep starts: configurations a bounded breadth-first search from opening does not reach, reached by a
    /// script of moves (each must be on its party's menu and accepted), then explored like an opening.
    /// </summary>
    public static IReadOnlyList<(string Scenario, RequestKind Kind, string Name, IReadOnlyList<string> Script)> DeepStarts { get; } =
    [
        (All[0].Name, RequestKind.Repair, "two failed repairs", ["Seller store-flagship: Approve", .. FailedRepair, .. FailedRepair]),
        (All[0].Name, RequestKind.ReturnAndRefund, "a repair offer, then two failed repairs",
            ["Seller store-flagship: ProposeOffer(repair)", "Buyer buyer-1: AcceptOffer", .. FailedRepair, .. FailedRepair]),
        (All[0].Name, RequestKind.Exchange, "a repair offer, then two failed repairs",
            ["Seller store-flagship: ProposeOffer(repair)", "Buyer buyer-1: AcceptOffer", .. FailedRepair, .. FailedRepair]),
        (All[0].Name, RequestKind.Repair, "a quoted fee accepted", ["Seller store-flagship: Approve", .. QuoteAccepted]),
        (All[0].Name, RequestKind.ReturnAndRefund, "a repair offer, then a quoted fee accepted",
            ["Seller store-flagship: ProposeOffer(repair)", "Buyer buyer-1: AcceptOffer", .. QuoteAccepted]),
        (All[0].Name, RequestKind.Exchange, "a repair offer, then a quoted fee accepted",
            ["Seller store-flagship: ProposeOffer(repair)", "Buyer buyer-1: AcceptOffer", .. QuoteAccepted]),
        (All[0].Name, RequestKind.RefundOnly, "an exchange for a dearer variant offered, accepted and sent back",
            ["Seller store-flagship: ProposeOffer(exchange for a dearer variant)", "Buyer buyer-1: AcceptOffer", "Buyer buyer-1: ShipReturn(express)",
             "Seller store-flagship: ConfirmReceipt(intact)"]),
        (All[0].Name, RequestKind.RefundOnly, "a refund failing five times",
            ["Seller store-flagship: Approve", .. Enumerable.Repeat<string[]>(["System system: RecordRefundFailure(bank offline)", "System system: ExpireDeadline(when due)"], 5).SelectMany(s => s)]),
    ];

    private static string[] QuoteAccepted =>
    [
        "Buyer buyer-1: ShipDevice(express)", "ServiceCenter sc-shenzhen: ReceiveDevice", "ServiceCenter sc-shenzhen: Diagnose(quote 90.00 CNY)",
        "Buyer buyer-1: AcceptQuote",
    ];

    private static string[] FailedRepair =>
    [
        "Buyer buyer-1: ShipDevice(express)", "ServiceCenter sc-shenzhen: ReceiveDevice", "ServiceCenter sc-shenzhen: Diagnose(covered)",
        "ServiceCenter sc-shenzhen: CompleteRepair(repaired)", "ServiceCenter sc-shenzhen: ShipDeviceBack(express)",
        "Buyer buyer-1: ReportRepeatFault(the same fault)",
    ];

    /// <summary>Opens each request of each scenario: the subjects to explore, and the requests the policy refused.</summary>
    public static (IReadOnlyList<DisputeSubject> Opened, IReadOnlyList<string> Refused) Open()
    {
        var opened = new List<DisputeSubject>();
        var refused = new List<string>();
        foreach (var scenario in All)
        {
            var before = scenario.Before?.Invoke(scenario.Order) ?? [];
            foreach (var request in scenario.Requests)
            {
                var outcome = Dispute.Open(request, OrderRefunds.Of(scenario.Order, before), PolicyFor(scenario.Order, request.LineId), scenario.OpenedAt);
                if (outcome.Dispute is { } dispute)
                {
                    opened.Add(new DisputeSubject(scenario.Name, scenario.Order, dispute, before, scenario.OpenedAt));
                }
                else
                {
                    refused.Add($"{scenario.Name}: {request.Kind} for {request.Reason} on {request.LineId}: {outcome.Refusal!.Message}");
                }
            }
        }

        return (opened, refused);
    }

    private static OpenDisputeRequest[] EveryKind(string lineId, Amount refund) =>
    [
        Request(RequestKind.RefundOnly, RequestReason.Defective, refund, lineId: lineId),
        Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, refund, lineId: lineId),
        Request(RequestKind.Exchange, RequestReason.Defective, lineId: lineId),
        Request(RequestKind.Exchange, RequestReason.NoReason, lineId: lineId),
        Request(RequestKind.Repair, RequestReason.Defective, lineId: lineId, repair: RouterRepair()),
    ];

    private static OpenDisputeRequest Units(RequestKind kind, RequestReason reason, Amount? refund, int mice, bool keyboard = false, string id = "dispute-1") =>
        new(id, Buyer, "line-mouse", kind, reason, $"{kind} of {mice} mice", refund, IncludedLineIds: ["line-pad"], Quantity: mice,
            OtherLines: keyboard ? [new RequestedLine("line-keyboard", 1)] : null);

    // An approved return of two of the three mice, still open while the explored request opens on the third.
    private static IReadOnlyList<Dispute> TwoMiceHeld(Order order)
    {
        var first = Marketplace.Open(order, Units(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(200), mice: 2), s_soon);
        first.Approve(order.StoreId, s_soon).ShouldSucceed();
        return [first];
    }

    // A partial refund of the router with the shipping fee, paid and closed before the explored request opens.
    private static IReadOnlyList<Dispute> RefundedBefore(Order order)
    {
        var first = Marketplace.Open(order, Request(RequestKind.RefundOnly, RequestReason.MissingParts, Yuan(110), claimsShipping: true), s_soon);
        first.Approve(order.StoreId, s_soon).ShouldSucceed();
        first.RecordRefundSuccess(new RefundResult("gw-before"), s_soon).ShouldSucceed();
        return [first];
    }
}
