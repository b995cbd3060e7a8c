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

    /// <summary>After two failed repairs, the buyer chooses an exchange.</summary>
    public DisputeResult ChooseExchange(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.ChooseExchange, null, now);

    /// <summary>After two failed repairs, the buyer chooses a refund.</summary>
    public DisputeResult ChooseRefund(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.ChooseRefund, null, now);

    private static ActionTable RepairActions() => new ActionTable()
        .Action<ShipmentDetails>(DisputeAction.ShipDevice, "device-shipment", "send a device",
            new ShipmentDetails("SF Express", "SF1400228813"),
            validate: (d, shipment) => d.ValidateShipment(shipment), record: (d, shipment, taken) => d.Ship(ShipmentPurpose.ToServiceCenter, shipment, taken))
        .Action(DisputeAction.ReceiveDevice, "device/receive", "receive a device", record: (d, taken) => d.MarkReceived(ShipmentPurpose.ToServiceCenter, taken))
        .Action<Diagnosis>(DisputeAction.Diagnose, "diagnosis", "diagnose a device",
            new Diagnosis(false, "Corrosion on the power board", Amount.Of(18000, "CNY"), FaultCause.LiquidDamage),
            validate: (d, diagnosis) => d.ValidateDiagnosis(diagnosis),
            record: (d, diagnosis, _) => d.RepairFile = d.RepairFile! with { Diagnosis = diagnosis, QuoteDeclined = false })
        .Action(DisputeAction.AcceptQuote, "quote/accept", "accept a quote")
        .Action(DisputeAction.DeclineQuote, "quote/decline", "decline a quote", record: (d, _) => d.RepairFile = d.RepairFile! with { QuoteDeclined = true })
        .Action<RepairReport>(DisputeAction.CompleteRepair, "repair/complete", "complete a repair",
            new RepairReport(RepairResult.Repaired, "Replaced the Wi-Fi module"),
            validate: (_, report) => Blank(report.Notes) ? Invalid("A repair report needs notes.") : null,
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
            validate: (_, fault) => Blank(fault.FaultCode) ? Invalid("A repeat fault needs a fault code.") : null,
            record: (d, fault, _) =>
            {
                var failed = new Dictionary<string, int>(d.RepairFile!.FailedRepairs) { [fault.FaultCode] = d.RepairFile.FailedRepairsOf(fault.FaultCode) + 1 };
                d.RepairFile = d.RepairFile with { FailedRepairs = failed, Diagnosis = null, QuoteDeclined = false };
            })
        .Action(DisputeAction.CloseRepair, route: null, "close a repair when the follow-up period ends", closes: ClosureReason.Repaired)
        .Action(DisputeAction.ChooseExchange, "entitlement/exchange", "choose an exchange", record: (d, _) => d.Remedy = Remedy.Exchange)
        .Action(DisputeAction.ChooseRefund, "entitlement/refund", "choose a refund", record: (d, _) =>
        {
            d.Remedy = Remedy.ReturnAndRefund;
            d.AgreedRefund = d.FullRefundAmount;
        })
        .OnEntering(DisputeState.AwaitingDeviceShipment, (d, _) =>
        {
            // The remedy became a repair (an accepted offer or a ruling, both refused when the item has no
            // service center): the seller agreed to it or the platform ruled it, so it is free.
            d.RepairFile ??= d.NewRepairFile(application: null, warrantyCovered: true, d.ServiceCenterId!);
        });

    // A repair file for a request opened as a repair, or for one whose remedy became a repair (an
    // accepted offer, a ruling): then the buyer's own description stands in for the application.
    private RepairFile NewRepairFile(RepairApplication? application, bool warrantyCovered, string serviceCenterId) => new(
        application ?? new RepairApplication(Model: "", SerialNumber: "", FaultCode: _request.Reason.ToString(), FaultDescription: Description,
            ProofOfPurchaseId: null, MediaIds: _request.EvidenceIds ?? []),
        serviceCenterId, warrantyCovered, Diagnosis: null, QuoteDeclined: false, Repairs: [], FailedRepairs: new Dictionary<string, int>());

    private Problem? CannotBeRepaired(string what)
    {
        if (!_flow.Contains(DisputeState.AwaitingDeviceShipment))
        {
            return Invalid($"A {Kind} request cannot be {what}.");
        }

        return ServiceCenterId is null
            ? Invalid($"This request cannot be {what}: no service center repairs the item of line {LineId} (its brand has no warranty service on this platform).")
            : null;
    }

    private Problem? ValidateDiagnosis(Diagnosis diagnosis)
    {
        if (Blank(diagnosis.Finding))
        {
            return Invalid("A diagnosis states its finding.");
        }

        return (diagnosis.Covered, diagnosis.Fee) switch
        {
            (true, not null) => Invalid("A repair covered by the warranty has no fee."),
            (false, not { IsPositive: true }) => Invalid("A repair not covered by the warranty needs a positive fee."),
            (false, { } fee) when fee.Currency != Ceiling.Currency => Currency(fee),
            _ => null,
        };
    }
}
