using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Disputes;

/// <content>The intent methods: one per thing a party can do. Each returns the event appended or the refusal.</content>
public sealed partial class Dispute
{
    // Seller

    /// <summary>The seller approves the request as it stands.</summary>
    public DisputeResult Approve(string storeId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Seller(storeId), DisputeAction.Approve, null, now);

    /// <summary>The seller rejects the request with a reason code.</summary>
    public DisputeResult Reject(string storeId, RejectionReason reason, DateTimeOffset now) => Apply(Actor.Seller(storeId), DisputeAction.Reject, reason, now);

    /// <summary>The seller proposes an offer: a partial refund, keeping the item, an exchange or a repair instead.</summary>
    public DisputeResult ProposeOffer(string storeId, OfferTerms offer, DateTimeOffset now) => Apply(Actor.Seller(storeId), DisputeAction.ProposeOffer, offer, now);

    /// <summary>The seller confirms receipt of the return and reports its condition.</summary>
    public DisputeResult ConfirmReceipt(string storeId, ConditionReport report, DateTimeOffset now) => Apply(Actor.Seller(storeId), DisputeAction.ConfirmReceipt, report, now);

    /// <summary>The seller ships the replacement.</summary>
    public DisputeResult ShipReplacement(string storeId, ShipmentDetails shipment, DateTimeOffset now) => Apply(Actor.Seller(storeId), DisputeAction.ShipReplacement, shipment, now);

    // Buyer

    /// <summary>The buyer withdraws the request.</summary>
    public DisputeResult Withdraw(string buyerId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Buyer(buyerId), DisputeAction.Withdraw, null, now);

    /// <summary>The buyer accepts the seller's offer; the case moves to the step its remedy needs.</summary>
    public DisputeResult AcceptOffer(string buyerId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Buyer(buyerId), DisputeAction.AcceptOffer, null, now);

    /// <summary>The buyer declines the seller's offer; the seller answers the request again.</summary>
    public DisputeResult DeclineOffer(string buyerId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Buyer(buyerId), DisputeAction.DeclineOffer, null, now);

    /// <summary>The buyer answers an offer or a rejection with new terms.</summary>
    public DisputeResult CounterOffer(string buyerId, OfferTerms offer, DateTimeOffset now) => Apply(Actor.Buyer(buyerId), DisputeAction.CounterOffer, offer, now);

    /// <summary>The buyer ships the item back.</summary>
    public DisputeResult ShipReturn(string buyerId, ShipmentDetails shipment, DateTimeOffset now) => Apply(Actor.Buyer(buyerId), DisputeAction.ShipReturn, shipment, now);

    /// <summary>The buyer accepts the seller's not-intact report and the refund it leaves.</summary>
    public DisputeResult AcceptProblemReport(string buyerId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Buyer(buyerId), DisputeAction.AcceptProblemReport, null, now);

    /// <summary>The buyer confirms the replacement arrived as it should.</summary>
    public DisputeResult ConfirmReplacement(string buyerId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Buyer(buyerId), DisputeAction.ConfirmReplacement, null, now);

    /// <summary>The buyer sends the device to the service center.</summary>
    public DisputeResult ShipDevice(string buyerId, ShipmentDetails shipment, DateTimeOffset now) => Apply(Actor.Buyer(buyerId), DisputeAction.ShipDevice, shipment, now);

    /// <summary>The buyer accepts the quoted repair fee.</summary>
    public DisputeResult AcceptQuote(string buyerId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Buyer(buyerId), DisputeAction.AcceptQuote, null, now);

    /// <summary>The buyer declines the quoted fee; the device comes back unrepaired.</summary>
    public DisputeResult DeclineQuote(string buyerId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Buyer(buyerId), DisputeAction.DeclineQuote, null, now);

    /// <summary>The buyer confirms the repaired device works.</summary>
    public DisputeResult ConfirmRepair(string buyerId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Buyer(buyerId), DisputeAction.ConfirmRepair, null, now);

    /// <summary>The buyer reports the fault again after a repair.</summary>
    public DisputeResult ReportRepeatFault(string buyerId, RepeatFault fault, DateTimeOffset now) => Apply(Actor.Buyer(buyerId), DisputeAction.ReportRepeatFault, fault, now);

    /// <summary>After two failed repairs, the buyer chooses an exchange.</summary>
    public DisputeResult ChooseExchange(string buyerId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Buyer(buyerId), DisputeAction.ChooseExchange, null, now);

    /// <summary>After two failed repairs, the buyer chooses a refund.</summary>
    public DisputeResult ChooseRefund(string buyerId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Buyer(buyerId), DisputeAction.ChooseRefund, null, now);

    /// <summary>The buyer rates how the request was handled, 1 to 5, once it is over.</summary>
    public DisputeResult Rate(string buyerId, RatingInput rating, DateTimeOffset now) => Apply(Actor.Buyer(buyerId), DisputeAction.Rate, rating, now);

    // Service center

    /// <summary>The service center receives the device.</summary>
    public DisputeResult ReceiveDevice(string serviceCenterId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.ServiceCenter(serviceCenterId), DisputeAction.ReceiveDevice, null, now);

    /// <summary>The service center diagnoses the device: covered by warranty, or a fee is quoted.</summary>
    public DisputeResult Diagnose(string serviceCenterId, Diagnosis diagnosis, DateTimeOffset now) => Apply(Actor.ServiceCenter(serviceCenterId), DisputeAction.Diagnose, diagnosis, now);

    /// <summary>The service center reports the device repaired or replaced.</summary>
    public DisputeResult CompleteRepair(string serviceCenterId, RepairReport report, DateTimeOffset now) => Apply(Actor.ServiceCenter(serviceCenterId), DisputeAction.CompleteRepair, report, now);

    /// <summary>The service center ships the device back.</summary>
    public DisputeResult ShipDeviceBack(string serviceCenterId, ShipmentDetails shipment, DateTimeOffset now) => Apply(Actor.ServiceCenter(serviceCenterId), DisputeAction.ShipDeviceBack, shipment, now);

    // Arbitrator

    /// <summary>An arbitrator takes the escalated case.</summary>
    public DisputeResult AssignArbitrator(string arbitratorId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Arbitrator(arbitratorId), DisputeAction.AssignArbitrator, null, now);

    /// <summary>The assigned arbitrator asks one party for more evidence; the other party's clock pauses.</summary>
    public DisputeResult RequestMoreEvidence(string arbitratorId, MoreEvidenceRequest request, DateTimeOffset now) => Apply(Actor.Arbitrator(arbitratorId), DisputeAction.RequestMoreEvidence, request, now);

    /// <summary>The assigned arbitrator rules; the ruling is executed after the appeal window.</summary>
    public DisputeResult Rule(string arbitratorId, RulingTerms ruling, DateTimeOffset now) => Apply(Actor.Arbitrator(arbitratorId), DisputeAction.Rule, ruling, now);

    /// <summary>An arbitrator who did not make the ruling takes the appeal.</summary>
    public DisputeResult AssignAppealReviewer(string arbitratorId, DateTimeOffset now) => Apply<DisputeEventData>(Actor.Arbitrator(arbitratorId), DisputeAction.AssignAppealReviewer, null, now);

    /// <summary>The appeal reviewer upholds the ruling, which is executed.</summary>
    public DisputeResult UpholdRuling(string arbitratorId, ReviewDecision decision, DateTimeOffset now) => Apply(Actor.Arbitrator(arbitratorId), DisputeAction.UpholdRuling, decision, now);

    /// <summary>The appeal reviewer overturns the ruling with a new one, which is executed.</summary>
    public DisputeResult OverturnRuling(string arbitratorId, RulingTerms ruling, DateTimeOffset now) => Apply(Actor.Arbitrator(arbitratorId), DisputeAction.OverturnRuling, ruling, now);

    // Either party

    /// <summary>True when <paramref name="actor"/> may escalate the dispute to the platform now.</summary>
    public bool CanEscalate(Actor actor, DateTimeOffset now) => AllowedActions(actor, now).Contains(DisputeAction.Escalate);

    /// <summary>The buyer or the seller escalates to platform arbitration.</summary>
    public DisputeResult Escalate(Actor actor, EscalationRequest request, DateTimeOffset now) => Apply(actor, DisputeAction.Escalate, request, now);

    /// <summary>
    /// The buyer or the seller submits evidence. When both have submitted during the evidence window,
    /// the system ends the window early.
    /// </summary>
    public DisputeResult SubmitEvidence(Actor actor, EvidenceSubmission evidence, DateTimeOffset now)
    {
        var submitted = Apply(actor, DisputeAction.SubmitEvidence, evidence, now);
        if (submitted.Succeeded && State == DisputeState.CollectingEvidence
            && Arbitration!.EvidenceFrom.HasFlag(Party.Buyer) && Arbitration.EvidenceFrom.HasFlag(Party.Seller))
        {
            Apply<DisputeEventData>(Actor.System, DisputeAction.CloseEvidence, null, now);
        }

        return submitted;
    }

    /// <summary>
    /// The buyer or the seller accepts the ruling, waiving its appeal. When both have, the system executes
    /// the ruling without waiting for the appeal window to end.
    /// </summary>
    public DisputeResult AcceptRuling(Actor actor, DateTimeOffset now)
    {
        var accepted = Apply<DisputeEventData>(actor, DisputeAction.AcceptRuling, null, now);
        if (accepted.Succeeded && Arbitration!.AcceptedBy.HasFlag(Party.Buyer) && Arbitration.AcceptedBy.HasFlag(Party.Seller))
        {
            Apply<DisputeEventData>(Actor.System, DisputeAction.ExecuteRuling, null, now);
        }

        return accepted;
    }

    /// <summary>The buyer or the seller appeals the ruling, once, within the appeal window.</summary>
    public DisputeResult Appeal(Actor actor, AppealRequest appeal, DateTimeOffset now) => Apply(actor, DisputeAction.Appeal, appeal, now);

    /// <summary>A party sends a message on the case.</summary>
    public DisputeResult SendMessage(Actor actor, MessageText message, DateTimeOffset now) => Apply(actor, DisputeAction.SendMessage, message, now);

    // System

    /// <summary>The refund gateway paid the refund.</summary>
    public DisputeResult RecordRefundSuccess(RefundResult result, DateTimeOffset now) => Apply(Actor.System, DisputeAction.RecordRefundSuccess, result, now);

    /// <summary>The refund gateway failed; the refund will be retried with the same refund id.</summary>
    public DisputeResult RecordRefundFailure(RefundResult result, DateTimeOffset now) => Apply(Actor.System, DisputeAction.RecordRefundFailure, result, now);

    /// <summary>Retries a failed refund now (an arbitrator may, besides the automatic retry).</summary>
    public DisputeResult RetryRefund(Actor actor, DateTimeOffset now) => Apply<DisputeEventData>(actor, DisputeAction.RetryRefund, null, now);
}
