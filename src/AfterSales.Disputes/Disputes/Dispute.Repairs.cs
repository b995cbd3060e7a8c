using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Disputes;

/// <content>Repair: the device to the service center and back, diagnosis and quote, repeat faults and the buyer's entitlement.</content>
public sealed partial class Dispute
{
    /// <summary>The buyer sends the device to the service center.</summary>
    public DisputeResult ShipDevice(string buyerId, ShipmentDetails shipment, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.ShipDevice, shipment, now);

    /// <summary>The service center receives the device.</summary>
    public DisputeResult ReceiveDevice(string serviceCenterId, DateTimeOffset now) => Take(Actor.ServiceCenter(serviceCenterId), DisputeAction.ReceiveDevice, null, now);

    /// <summary>The service center diagnoses the device: covered by warranty, or a fee is quoted.</summary>
    public DisputeResult Diagnose(string serviceCenterId, Diagnosis diagnosis, DateTimeOffset now) => Take(Actor.ServiceCenter(serviceCenterId), DisputeAction.Diagnose, diagnosis, now);

    /// <summary>The buyer accepts the quoted repair fee.</summary>
    public DisputeResult AcceptQuote(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.AcceptQuote, null, now);

    /// <summary>The buyer declines the quoted fee; the device comes back unrepaired.</summary>
    public DisputeResult DeclineQuote(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.DeclineQuote, null, now);

    /// <summary>The service center reports the device repaired or replaced.</summary>
    public DisputeResult CompleteRepair(string serviceCenterId, RepairReport report, DateTimeOffset now) => Take(Actor.ServiceCenter(serviceCenterId), DisputeAction.CompleteRepair, report, now);

    /// <summary>The service center ships the device back.</summary>
    public DisputeResult ShipDeviceBack(string serviceCenterId, ShipmentDetails shipment, DateTimeOffset now) => Take(Actor.ServiceCenter(serviceCenterId), DisputeAction.ShipDeviceBack, shipment, now);

    /// <summary>The buyer confirms the repaired device works.</summary>
    public DisputeResult ConfirmRepair(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.ConfirmRepair, null, now);

    /// <summary>The buyer reports the fault again after a repair.</summary>
    public DisputeResult ReportRepeatFault(string buyerId, RepeatFault fault, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.ReportRepeatFault, fault, now);

    /// <summary>The service center proposes a slot for an on-site visit.</summary>
    public DisputeResult ProposeVisit(string serviceCenterId, VisitSlot slot, DateTimeOffset now) => Take(Actor.ServiceCenter(serviceCenterId), DisputeAction.ProposeVisit, slot, now);

    /// <summary>The buyer accepts the proposed visit slot.</summary>
    public DisputeResult AcceptVisit(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.AcceptVisit, null, now);

    /// <summary>The buyer asks for another visit slot.</summary>
    public DisputeResult RequestOtherSlot(string buyerId, OtherSlotRequest request, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.RequestOtherSlot, request, now);

    /// <summary>The service center reports the on-site visit.</summary>
    public DisputeResult ReportVisit(string serviceCenterId, VisitReport report, DateTimeOffset now) => Take(Actor.ServiceCenter(serviceCenterId), DisputeAction.ReportVisit, report, now);

    /// <summary>After two failed repairs, the buyer chooses an exchange.</summary>
    public DisputeResult ChooseExchange(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.ChooseExchange, null, now);

    /// <summary>After two failed repairs, the buyer chooses a refund.</summary>
    public DisputeResult ChooseRefund(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.ChooseRefund, null, now);

    private static ActionTable RepairActions() => new ActionTable()
        .Action<VisitSlot>(DisputeAction.ProposeVisit, "visits", "propose an on-site visit slot",
            new VisitSlot(new DateTimeOffset(2027, 3, 16, 9, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2027, 3, 16, 12, 0, 0, TimeSpan.FromHours(8)),
                "Technician Wang calls half an hour before"),
            validate: null, validateAt: (_, slot, now) => ValidateSlot(slot, now),
            record: (d, slot, taken) => d.RepairFile = d.RepairFile! with { Visits = [.. d.RepairFile.Visits, new Visit(slot, taken.At, VisitStatus.Proposed)] })
        .Action(DisputeAction.AcceptVisit, "visit/accept", "accept the proposed visit slot",
            record: (d, _) => d.AnswerVisit(visit => visit with { Status = VisitStatus.Accepted }))
        .Action<OtherSlotRequest>(DisputeAction.RequestOtherSlot, "visit/other-slot", "ask for another visit slot",
            new OtherSlotRequest("I am at work until 18:00; any evening this week suits"),
            validate: (_, request) => Blank(request.Reason) || request.Reason.Length > MaxTextLength
                ? Invalid(Say("Invalid.OtherSlot", MaxTextLength)) : null,
            record: (d, request, _) => d.AnswerVisit(visit => visit with { Status = VisitStatus.OtherSlotAsked, OtherSlotReason = request.Reason }))
        .Action<VisitReport>(DisputeAction.ReportVisit, "visit/report", "report an on-site visit",
            new VisitReport("The power adapter had failed; replaced it on site and tested Wi-Fi for 30 minutes", VisitOutcome.RepairedOnSite),
            validate: (d, report) => d.ValidateVisitReport(report), record: (d, report, _) => d.RecordVisit(report))
        .Action<ShipmentDetails>(DisputeAction.ShipDevice, "device-shipment", "send a device",
            new ShipmentDetails("SF Express", "SF1400228813"),
            validate: (d, shipment) => d.ValidateShipment(shipment), record: (d, shipment, taken) => d.Ship(ShipmentPurpose.ToServiceCenter, shipment, taken))
        .Action(DisputeAction.ReceiveDevice, "device/receive", "receive a device", record: (d, taken) => d.MarkReceived(ShipmentPurpose.ToServiceCenter, taken))
        .Action<Diagnosis>(DisputeAction.Diagnose, "diagnosis", "diagnose a device",
            new Diagnosis(false, "Corrosion on the power board", Amount.Of(18000, "CNY"), FaultCause.LiquidDamage),
            validate: (d, diagnosis) => d.ValidateDiagnosis(diagnosis),
            record: (d, diagnosis, _) => d.RepairFile = d.RepairFile! with { Diagnosis = diagnosis, QuoteDeclined = false })
        .Action(DisputeAction.AcceptQuote, "quote/accept", "accept a quote")
        .Action<ChargeResult>(DisputeAction.RecordFeeRefund, route: null, "record a repair fee refunded",
            new ChargeResult("gw-20261102-0002"),
            validate: (_, result) => Blank(result.PaymentReference) ? Invalid(Say("Invalid.FeeRefundReference")) : null,
            record: (d, result, _) => d.UpdateCharge(charge => charge with { Status = ChargeStatus.Refunded, RefundReference = result.PaymentReference }))
        .OnEntering(DisputeState.ReturningDevice, (d, transition) =>
        {
            // The fee could not be charged: the device comes back unrepaired, as when the quote is declined.
            if (transition.From == DisputeState.ChargeFailed)
            {
                d.RepairFile = d.RepairFile! with { QuoteDeclined = true };
            }
        })
        .Action(DisputeAction.DeclineQuote, "quote/decline", "decline a quote", record: (d, _) => d.RepairFile = d.RepairFile! with { QuoteDeclined = true })
        .Action<RepairReport>(DisputeAction.CompleteRepair, "repair/complete", "complete a repair",
            new RepairReport(RepairResult.Repaired, "Replaced the Wi-Fi module"),
            validate: (_, report) => Blank(report.Notes) ? Invalid(Say("Invalid.RepairNotes")) : null,
            record: (d, report, _) => d.RepairFile = d.RepairFile! with { Repairs = [.. d.RepairFile.Repairs, report] })
        .Action<ShipmentDetails>(DisputeAction.ShipDeviceBack, "device/return-shipment", "ship a device back",
            new ShipmentDetails("SF Express", "SF1400228814"),
            validate: (d, shipment) => d.ValidateShipment(shipment), record: (d, shipment, taken) => d.Ship(ShipmentPurpose.FromServiceCenter, shipment, taken),
            closes: ClosureReason.ReturnedUnrepaired)
        .Action(DisputeAction.ConfirmRepair, "repair/confirm", "confirm a repair", record: (d, taken) => d.MarkReceived(ShipmentPurpose.FromServiceCenter, taken))
        .Action(DisputeAction.AutoConfirmRepair, route: null, "confirm a repair after the buyer's silence",
            record: (d, taken) => d.MarkReceived(ShipmentPurpose.FromServiceCenter, taken))
        .Action<RepeatFault>(DisputeAction.ReportRepeatFault, "repeat-faults", "report a repeat fault",
            new RepeatFault("wifi-drops", "Wi-Fi drops again"),
            validate: (_, fault) => Blank(fault.FaultCode) ? Invalid(Say("Invalid.RepeatFault")) : null,
            record: (d, fault, _) =>
            {
                var failed = new Dictionary<string, int>(d.RepairFile!.FailedRepairs) { [fault.FaultCode] = d.RepairFile.FailedRepairsOf(fault.FaultCode) + 1 };
                d.RepairFile = d.RepairFile with { FailedRepairs = failed, Diagnosis = null, QuoteDeclined = false };

                // The repair the buyer paid for failed: its fee goes back (the outbox asks the refund gateway).
                if (d.Charge?.Status == ChargeStatus.Succeeded)
                {
                    d.UpdateCharge(charge => charge with { Status = ChargeStatus.RefundDue });
                }
            })
        .Action(DisputeAction.CloseRepair, route: null, "close a repair when the follow-up period ends", closes: ClosureReason.Repaired)
        .Action(DisputeAction.ChooseExchange, "entitlement/exchange", "choose an exchange", record: (d, _) => d.Remedy = Remedy.Exchange)
        .Action(DisputeAction.ChooseRefund, "entitlement/refund", "choose a refund", record: (d, _) =>
        {
            d.Remedy = Remedy.ReturnAndRefund;
            d.AgreedRefund = d.FullRefundAmount;
        })
        .OnEntering(DisputeState.AwaitingDeviceShipment, (d, _) => d.EnsureRepairFile())
        .OnEntering(DisputeState.AwaitingVisitProposal, (d, _) => d.EnsureRepairFile());

    // The flow computes a step's deadline before the action's record, and Apply starts it again after: until the
    // slot is recorded these answer the policy's window, which is then replaced.

    /// <summary>The buyer's time to answer the proposed slot: the policy's window, ending half an hour before the slot at the latest.</summary>
    internal DeadlineSpan VisitAnswerWindow(DateTimeOffset now) => RepairFile?.Visits is [.., { Status: VisitStatus.Proposed } proposed]
        ? DeadlineSpan.Of(Max(TimeSpan.FromMinutes(1), Min(Policy.Windows.VisitAnswer.Length, proposed.Slot.Start - now - TimeSpan.FromMinutes(30))))
        : Policy.Windows.VisitAnswer;

    /// <summary>The service center's time to report the accepted visit: until the slot ends, then the policy's window.</summary>
    internal DeadlineSpan VisitReportWindow(DateTimeOffset now) => RepairFile?.Visits is [.., { Status: VisitStatus.Accepted } accepted]
        ? DeadlineSpan.Of(Max(TimeSpan.FromMinutes(1), accepted.Slot.End + Policy.Windows.VisitReport.Length - now))
        : Policy.Windows.VisitReport;

    // A slot the buyer can plan for: at least an hour ahead when proposed, and a morning or an afternoon long at most.
    private static Problem? ValidateSlot(VisitSlot slot, DateTimeOffset now) =>
        slot.Start < now.AddHours(1) ? Invalid(Say("Invalid.VisitLead"))
        : slot.End <= slot.Start ? Invalid(Say("Invalid.VisitOrder"))
        : slot.End - slot.Start > TimeSpan.FromHours(8) ? Invalid(Say("Invalid.VisitLength"))
        : slot.Note is { Length: > MaxTextLength } ? Invalid(Say("Invalid.VisitNote", MaxTextLength))
        : null;

    private Problem? ValidateVisitReport(VisitReport report) =>
        Blank(report.Findings) || report.Findings.Length > MaxTextLength ? Invalid(Say("Invalid.VisitReport", MaxTextLength))
        : report.Outcome == VisitOutcome.RepairedOnSite && !RepairFile!.WarrantyCovered
            ? Invalid(Say("Invalid.VisitFee"))
        : null;

    private void AnswerVisit(Func<Visit, Visit> answer) =>
        RepairFile = RepairFile! with { Visits = [.. RepairFile.Visits.Take(RepairFile.Visits.Count - 1), answer(RepairFile.Visits[^1])] };

    // Repaired on site, the visit is the diagnosis and the repair; taken in, the service center diagnoses it at its bench.
    private void RecordVisit(VisitReport report)
    {
        AnswerVisit(visit => visit with { Status = VisitStatus.Visited, Report = report });
        if (report.Outcome == VisitOutcome.RepairedOnSite)
        {
            RepairFile = RepairFile! with
            {
                Diagnosis = new Diagnosis(true, report.Findings),
                QuoteDeclined = false,
                Repairs = [.. RepairFile.Repairs, new RepairReport(RepairResult.Repaired, report.Findings)],
            };
        }
    }

    // The remedy became a repair (an accepted offer or a ruling, both refused when the item has no service center):
    // the seller agreed to it or the platform ruled it, so it is free.
    private void EnsureRepairFile() => RepairFile ??= NewRepairFile(application: null, warrantyCovered: true, ServiceCenterId!);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // A repair file for a request opened as a repair, or for one whose remedy became a repair (an
    // accepted offer, a ruling): then the buyer's own description stands in for the application.
    private RepairFile NewRepairFile(RepairApplication? application, bool warrantyCovered, string serviceCenterId) => new(
        application ?? new RepairApplication(Model: "", SerialNumber: "", FaultCode: _request.Reason.ToString(), FaultDescription: Description,
            ProofOfPurchaseId: null, MediaIds: _request.EvidenceIds ?? []),
        serviceCenterId, warrantyCovered, Diagnosis: null, QuoteDeclined: false, Repairs: [], FailedRepairs: new Dictionary<string, int>());

    // repairedAs names how the repair would come: "Repair.Settled" (by an offer or a ruling) or "Repair.Chosen".
    private Problem? CannotBeRepaired(string repairedAs)
    {
        if (!_flow.Contains(DisputeState.AwaitingDeviceShipment))
        {
            return Invalid(Say(repairedAs + ".NoRepairSteps", Kind));
        }

        return ServiceCenterId is null
            ? Invalid(Say(repairedAs + ".NoServiceCenter", LineId))
            : null;
    }

    private Problem? ValidateDiagnosis(Diagnosis diagnosis)
    {
        if (Blank(diagnosis.Finding))
        {
            return Invalid(Say("Invalid.Diagnosis"));
        }

        return (diagnosis.Covered, diagnosis.Fee) switch
        {
            (true, not null) => Invalid(Say("Invalid.CoveredFee")),
            (false, not { IsPositive: true }) => Invalid(Say("Invalid.UncoveredFee")),
            (false, { } fee) when fee.Currency != Ceiling.Currency => Currency(fee),
            _ => null,
        };
    }
}
