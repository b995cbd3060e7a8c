using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Disputes;

/// <content>Returns and replacements: the item going back, the seller's receipt and report, the replacement coming out.</content>
public sealed partial class Dispute
{
    /// <summary>The buyer ships the item back.</summary>
    public DisputeResult ShipReturn(string buyerId, ShipmentDetails shipment, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.ShipReturn, shipment, now);

    private readonly List<ReturnNote> _returnNotes = [];

    /// <summary>The buyer's notes on the return while it was on its way back, oldest first.</summary>
    public IReadOnlyList<ReturnNote> ReturnNotes => _returnNotes;

    /// <summary>The buyer adds a note to the return on its way back, for the seller who receives it.</summary>
    public DisputeResult AddReturnNote(string buyerId, ReturnNote note, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.AddReturnNote, note, now);

    /// <summary>The seller confirms receipt of the return and reports its condition.</summary>
    public DisputeResult ConfirmReceipt(string storeId, ConditionReport report, DateTimeOffset now) => Take(Actor.Seller(storeId), DisputeAction.ConfirmReceipt, report, now);

    /// <summary>The buyer accepts the seller's not-intact report and the refund it leaves.</summary>
    public DisputeResult AcceptProblemReport(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.AcceptProblemReport, null, now);

    /// <summary>The seller ships the replacement.</summary>
    public DisputeResult ShipReplacement(string storeId, ShipmentDetails shipment, DateTimeOffset now) => Take(Actor.Seller(storeId), DisputeAction.ShipReplacement, shipment, now);

    /// <summary>The buyer confirms the replacement arrived as it should.</summary>
    public DisputeResult ConfirmReplacement(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.ConfirmReplacement, null, now);

    private static ActionTable ReturnActions() => new ActionTable()
        .Action<ShipmentDetails>(DisputeAction.ShipReturn, "return-shipment", "ship the item back",
            new ShipmentDetails("SF Express", "SF1400228811", Postage: Amount.Of(1200, "CNY")),
            validate: (d, shipment) => d.ValidateShipment(shipment), record: (d, shipment, taken) => d.Ship(ShipmentPurpose.Return, shipment, taken))
        .Action<ReturnNote>(DisputeAction.AddReturnNote, "return-shipment/notes", "add a note to the return",
            new ReturnNote("Left at the parcel locker by the store's door, code 4471"),
            validate: (_, note) => Blank(note.Text) || note.Text.Length > MaxTextLength ? Invalid(Say("Invalid.Note", MaxTextLength)) : null,
            record: (d, note, _) => d._returnNotes.Add(note))
        .Action(DisputeAction.CloseUnshipped, route: null, "close when nothing was shipped in time", closes: ClosureReason.NotShippedBack)
        .Action<ConditionReport>(DisputeAction.ConfirmReceipt, "receipt", "confirm receipt",
            new ConditionReport(ConditionIssue.VisibleWear, ["ev_2f0c9b6a1d3e4f5a6b7c8d9e"], Amount.Of(30000, "CNY"), "Scratched case"),
            validate: (d, report) => d.ValidateReport(report), record: (d, report, taken) =>
            {
                d.MarkReceived(ShipmentPurpose.Return, taken);
                d.ReceiptReport = report;
            })
        .Action(DisputeAction.AutoConfirmReceipt, route: null, "confirm receipt after the seller's silence",
            record: (d, taken) => d.MarkReceived(ShipmentPurpose.Return, taken), sellerSilence: true)
        .Action(DisputeAction.AcceptProblemReport, "problem-report/accept", "accept a problem report",
            record: (d, _) => d.AgreedRefund = d.RefundAfterProblemReport, closes: ClosureReason.ProblemAccepted)
        .Action<ShipmentDetails>(DisputeAction.ShipReplacement, "replacement-shipment", "ship a replacement",
            new ShipmentDetails("SF Express", "SF1400228812"),
            validate: (d, shipment) => d.ValidateShipment(shipment), record: (d, shipment, taken) => d.Ship(ShipmentPurpose.Replacement, shipment, taken, d.ExchangeVariant))
        .Action(DisputeAction.RefundInstead, route: null, "refund when no replacement was shipped in time", record: (d, _) =>
        {
            // The seller has the item back but sent no replacement: the buyer is refunded in full.
            d.Remedy = Remedy.ReturnAndRefund;
            d.AgreedRefund = d.FullRefundAmount;
        }, sellerSilence: true)
        .Action(DisputeAction.ConfirmReplacement, "replacement/confirm", "confirm a replacement",
            record: (d, taken) => d.ReplacementReceived(taken), closes: ClosureReason.Exchanged)
        .Action(DisputeAction.AutoConfirmReplacement, route: null, "confirm a replacement after the buyer's silence",
            record: (d, taken) => d.ReplacementReceived(taken), closes: ClosureReason.Exchanged);

    // A cheaper variant than the item leaves the difference to refund (within what the request can refund).
    private void ReplacementReceived(ActionTaken taken)
    {
        MarkReceived(ShipmentPurpose.Replacement, taken);
        if (PriceDifference is { IsNegative: true } cheaper)
        {
            AgreedRefund = Amount.Min(-cheaper, Ceiling);
        }
    }

    private Problem? ValidateShipment(ShipmentDetails shipment) =>
        Blank(shipment.Carrier) || Blank(shipment.TrackingNumber) ? Invalid(Say("Invalid.Shipment"))
        : shipment.PrepaidLabel && shipment.Postage is null ? Invalid(Say("Invalid.PrepaidLabel"))
        : shipment.Postage is { } postage && postage.Currency != Ceiling.Currency ? Currency(postage)
        : shipment.Postage is { IsNegative: true } ? Invalid(Say("Invalid.NegativePostage"))
        : null;

    private void Ship(ShipmentPurpose purpose, ShipmentDetails details, ActionTaken taken, ProductVariant? variant = null) =>
        _shipments.Add(new Shipment(purpose, details, taken.At) { Variant = variant });

    private void MarkReceived(ShipmentPurpose purpose, ActionTaken taken)
    {
        var index = _shipments.FindLastIndex(s => s.Purpose == purpose);
        if (index >= 0)
        {
            _shipments[index] = _shipments[index] with { ReceivedAt = taken.At };
        }
    }

    /// <summary>Whether <paramref name="report"/> says fewer units came back than the request holds.</summary>
    internal bool IsPartial(ConditionReport report) =>
        report.Received is not null && Lines.Any(line => UnitsReceived(line, report) < (line.Units ?? 1));

    // The units of a line the receipt report says came back; null when no report says otherwise (all did).
    private int? UnitsReceived(DisputedLine line, ConditionReport? report = null) =>
        (report ?? ReceiptReport)?.Received is { } received ? received.Where(r => r.LineId == line.LineId).Sum(r => r.Quantity) : null;

    // What the units that came back are worth: each line's ceiling shared by unit; the claimed shipping only when all came back.
    private Amount ReceivedValue(ConditionReport report) =>
        Lines.Aggregate(IsPartial(report) ? Amount.Zero(Ceiling.Currency) : ShippingCeiling,
            (sum, line) => sum + (UnitsReceived(line, report) is { } received ? line.CeilingFor(received) : line.Ceiling));

    private Problem? ValidateReport(ConditionReport report)
    {
        if (report.Received is { } received && ValidateReceived(received) is { } wrong)
        {
            return wrong;
        }

        if (report.IsIntact)
        {
            return report.ProposedRefund is null ? null
                : Invalid(IsPartial(report)
                    ? Say("Invalid.IntactReport.Partial")
                    : Say("Invalid.IntactReport"));
        }

        if (report.EvidenceIds.Count == 0)
        {
            return Invalid(Say("Invalid.ProblemEvidence"));
        }

        return report.ProposedRefund switch
        {
            null => Invalid(Say("Invalid.ProblemRefund")),
            { IsNegative: true } => Invalid(Say("Invalid.NegativeProposal")),
            { } proposed when proposed.Currency != Ceiling.Currency => Currency(proposed),
            { } proposed when proposed > (AgreedRefund ?? FullRefundAmount) =>
                Invalid(Say("Invalid.ProposalOverAgreed", proposed, AgreedRefund ?? FullRefundAmount)),
            { } proposed when IsPartial(report) && proposed > ReceivedValue(report) =>
                Invalid(Say("Invalid.ProposalOverReceived", proposed, ReceivedValue(report))),
            _ => null,
        };
    }

    private Problem? ValidateReceived(IReadOnlyList<RequestedLine> received)
    {
        foreach (var line in received)
        {
            if (line is null || Lines.FirstOrDefault(l => l.LineId == line.LineId) is not { } disputed)
            {
                return Invalid(Say("Invalid.ReceivedLine", line?.LineId));
            }

            if (received.Count(r => r?.LineId == line.LineId) > 1)
            {
                return Invalid(Say("Invalid.ReceivedTwice", line.LineId));
            }

            if (line.Quantity < 0 || (disputed.Units is { } units && line.Quantity > units))
            {
                return Invalid(Say("Invalid.ReceivedUnits", disputed.Units, line.LineId));
            }
        }

        return received.Where(r => Lines.Any(l => l.LineId == r.LineId && l.GiftFor is null)).Sum(r => r.Quantity) > 0 ? null
            : Invalid(Say("Invalid.NothingReceived"));
    }
}

/// <summary>A buyer's note on a return on its way back.</summary>
/// <param name="Text">The note, 1 to 4000 characters.</param>
public sealed record ReturnNote(string Text) : DisputeEventData<ReturnNote>;
