using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.Disputes;

/// <content>Checks of the details an action carries, before the flow is asked.</content>
public sealed partial class Dispute
{
    private static string? ValidateOpen(OpenDisputeRequest request, Order order)
    {
        if (string.IsNullOrWhiteSpace(request.DisputeId))
        {
            return "A request needs an id.";
        }

        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > MaxTextLength)
        {
            return $"Describe the problem in 1 to {MaxTextLength} characters.";
        }

        var paysMoney = request.Kind is RequestKind.RefundOnly or RequestKind.ReturnAndRefund;
        if (paysMoney && request.RequestedRefund is not { IsPositive: true })
        {
            return $"A {request.Kind} request needs a positive refund amount.";
        }

        if (!paysMoney && request.RequestedRefund is not null)
        {
            return $"A {request.Kind} request asks for no refund amount.";
        }

        if (request.RequestedRefund is { } asked && asked.Currency != order.Currency)
        {
            return $"The refund is in {asked.Currency}, but order {order.OrderId} was paid in {order.Currency}.";
        }

        if (request.Kind == RequestKind.Repair && request.Repair is not { } repair)
        {
            return "A repair request needs a repair application.";
        }

        if (request.Repair is { } application && (Blank(application.Model) || Blank(application.SerialNumber) || Blank(application.FaultCode) || Blank(application.FaultDescription)))
        {
            return "A repair application needs the model, the serial number, a fault code and a description of the fault.";
        }

        return (request.IncludedLineIds ?? []).FirstOrDefault(id => order.Line(id) is null || id == request.LineId) is { } unknown
            ? $"Line {unknown} cannot be sent back with line {request.LineId}."
            : null;
    }

    private (DisputeRefusalCode Code, string Message)? Validate(DisputeAction action, DisputeEventData? data) => data switch
    {
        RejectionReason r when Blank(r.ReasonCode) => Invalid("A rejection needs a reason code."),
        OfferTerms offer => ValidateOffer(offer),
        ShipmentDetails s when Blank(s.Carrier) || Blank(s.TrackingNumber) => Invalid("A shipment needs a carrier and a tracking number."),
        ConditionReport report => ValidateReport(report),
        EvidenceSubmission e when Blank(e.Statement) && e.EvidenceIds.Count == 0 => Invalid("Evidence needs a statement or files."),
        EscalationRequest e when Blank(e.Reason) => Invalid("An escalation needs a reason."),
        MoreEvidenceRequest m when m.From is not (Party.Buyer or Party.Seller) || Blank(m.Request) =>
            Invalid("More evidence is requested from the buyer or the seller, saying what is needed."),
        RulingTerms ruling => ValidateRuling(ruling),
        AppealRequest a when Blank(a.Reason) => Invalid("An appeal needs a reason."),
        ReviewDecision r when Blank(r.Rationale) => Invalid("A decision on appeal needs a rationale."),
        Diagnosis d => ValidateDiagnosis(d),
        RepairReport r when Blank(r.Notes) => Invalid("A repair report needs notes."),
        RepeatFault f when Blank(f.FaultCode) => Invalid("A repeat fault needs a fault code."),
        RefundResult r when action == DisputeAction.RecordRefundSuccess && Blank(r.GatewayReference) => Invalid("A paid refund needs the gateway's reference."),
        RefundResult r when action == DisputeAction.RecordRefundFailure && Blank(r.Failure) => Invalid("A failed refund needs the failure."),
        MessageText m when Blank(m.Text) || m.Text.Length > MaxTextLength => Invalid($"A message has 1 to {MaxTextLength} characters."),
        RatingInput r when r.Stars is < 1 or > 5 => Invalid("A rating is 1 to 5 stars."),
        RatingInput r when r.Comment?.Length > MaxTextLength => Invalid($"A rating comment has at most {MaxTextLength} characters."),
        _ => null,
    };

    private (DisputeRefusalCode, string)? ValidateOffer(OfferTerms offer)
    {
        if (Blank(offer.Terms))
        {
            return Invalid("An offer states its terms.");
        }

        if (offer.Remedy == Remedy.Repair && CannotBeRepaired("settled by a repair") is { } noRepair)
        {
            return noRepair;
        }

        if (!PaysMoney(offer.Remedy))
        {
            return offer.Refund is null ? null : Invalid($"An offer of {offer.Remedy} carries no refund amount.");
        }

        return offer.Refund is { } refund ? CheckRefund(refund, "offered") : Invalid($"An offer of {offer.Remedy} needs a refund amount.");
    }

    private (DisputeRefusalCode, string)? ValidateReport(ConditionReport report)
    {
        if (report.IsIntact)
        {
            return report.ProposedRefund is null ? null : Invalid("A report of intact goods proposes no other refund.");
        }

        if (report.EvidenceIds.Count == 0)
        {
            return Invalid("A report that the item is not intact must attach evidence.");
        }

        return report.ProposedRefund switch
        {
            null => Invalid("A report that the item is not intact proposes the refund that remains (zero for none)."),
            { IsNegative: true } => Invalid("The proposed refund cannot be negative."),
            { } proposed when proposed.Currency != Ceiling.Currency => Currency(proposed),
            { } proposed when proposed > (AgreedRefund ?? FullRefundAmount) =>
                Invalid($"The proposed refund {proposed} is more than the {AgreedRefund ?? FullRefundAmount} agreed."),
            _ => null,
        };
    }

    private (DisputeRefusalCode, string)? ValidateRuling(RulingTerms ruling)
    {
        if (Blank(ruling.Rationale))
        {
            return Invalid("A ruling needs a rationale.");
        }

        if (ruling.PenaltyPoints < 0 || (ruling.PenaltyPoints > 0 && Blank(ruling.PenaltyReason)))
        {
            return Invalid("A store penalty has positive points and a reason.");
        }

        if (ruling.Outcome == RulingOutcome.Repair && CannotBeRepaired("ruled a repair") is { } noRepair)
        {
            return noRepair;
        }

        return ruling.Outcome switch
        {
            RulingOutcome.PartialRefund when ruling.Refund is not { } refund => Invalid("A partial refund ruling needs the amount."),
            RulingOutcome.PartialRefund or RulingOutcome.FullRefund or RulingOutcome.ReturnAndRefund when ruling.Refund is { } refund => CheckRefund(refund, "ruled"),
            RulingOutcome.Replace or RulingOutcome.Repair or RulingOutcome.ClaimRejected when ruling.Refund is not null =>
                Invalid($"A ruling of {ruling.Outcome} carries no refund amount."),
            _ => null,
        };
    }

    private (DisputeRefusalCode, string)? CannotBeRepaired(string what)
    {
        if (!_flow.Contains(DisputeState.AwaitingDeviceShipment))
        {
            return Invalid($"A {Kind} request cannot be {what}.");
        }

        return ServiceCenterId is null
            ? Invalid($"This request cannot be {what}: no service center repairs the item of line {LineId} (its brand has no warranty service on this platform).")
            : null;
    }

    private (DisputeRefusalCode, string)? ValidateDiagnosis(Diagnosis diagnosis)
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

    private (DisputeRefusalCode, string)? CheckRefund(Amount refund, string what)
    {
        if (refund.Currency != Ceiling.Currency)
        {
            return Currency(refund);
        }

        if (!refund.IsPositive)
        {
            return Invalid($"The {what} refund must be positive.");
        }

        return refund > Ceiling
            ? (DisputeRefusalCode.OverRefund, $"A refund of {refund} exceeds the {Ceiling} that can still be refunded for this order line.")
            : null;
    }

    private (DisputeRefusalCode, string) Currency(Amount amount) =>
        Invalid($"The amount is in {amount.Currency}, but the order was paid in {Ceiling.Currency}.");

    private static (DisputeRefusalCode, string) Invalid(string message) => (DisputeRefusalCode.InvalidInput, message);

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
