using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Application.Disputes;

// One command per action of the domain. Each names the party's id it acts for (taken from the caller's
// token by the API) and calls the matching intent method; the shared handler does the rest.

/// <summary>The seller approves the request.</summary>
public sealed record ApproveDispute(string DisputeId, string StoreId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.Approve(StoreId, now);
}

/// <summary>The seller rejects the request with a reason code.</summary>
public sealed record RejectDispute(string DisputeId, string StoreId, RejectionReason Reason) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.Reject(StoreId, Reason, now);
}

/// <summary>The seller proposes an offer.</summary>
public sealed record ProposeOffer(string DisputeId, string StoreId, OfferTerms Offer) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ProposeOffer(StoreId, Offer, now);
}

/// <summary>The seller confirms receipt of the return and reports its condition.</summary>
public sealed record ConfirmReceipt(string DisputeId, string StoreId, ConditionReport Report) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ConfirmReceipt(StoreId, Report, now);
}

/// <summary>The seller ships the replacement.</summary>
public sealed record ShipReplacement(string DisputeId, string StoreId, ShipmentDetails Shipment) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ShipReplacement(StoreId, Shipment, now);
}

/// <summary>The buyer withdraws the request.</summary>
public sealed record WithdrawDispute(string DisputeId, string BuyerId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.Withdraw(BuyerId, now);
}

/// <summary>The buyer accepts the seller's offer.</summary>
public sealed record AcceptOffer(string DisputeId, string BuyerId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.AcceptOffer(BuyerId, now);
}

/// <summary>The buyer declines the seller's offer.</summary>
public sealed record DeclineOffer(string DisputeId, string BuyerId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.DeclineOffer(BuyerId, now);
}

/// <summary>The buyer answers an offer or a rejection with new terms.</summary>
public sealed record CounterOffer(string DisputeId, string BuyerId, OfferTerms Offer) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.CounterOffer(BuyerId, Offer, now);
}

/// <summary>The buyer ships the item back.</summary>
public sealed record ShipReturn(string DisputeId, string BuyerId, ShipmentDetails Shipment) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ShipReturn(BuyerId, Shipment, now);
}

/// <summary>The buyer accepts the seller's not-intact report.</summary>
public sealed record AcceptProblemReport(string DisputeId, string BuyerId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.AcceptProblemReport(BuyerId, now);
}

/// <summary>The buyer confirms the replacement.</summary>
public sealed record ConfirmReplacement(string DisputeId, string BuyerId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ConfirmReplacement(BuyerId, now);
}

/// <summary>The buyer sends the device to the service center.</summary>
public sealed record ShipDevice(string DisputeId, string BuyerId, ShipmentDetails Shipment) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ShipDevice(BuyerId, Shipment, now);
}

/// <summary>The buyer accepts the repair fee.</summary>
public sealed record AcceptQuote(string DisputeId, string BuyerId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.AcceptQuote(BuyerId, now);
}

/// <summary>The buyer declines the repair fee.</summary>
public sealed record DeclineQuote(string DisputeId, string BuyerId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.DeclineQuote(BuyerId, now);
}

/// <summary>The buyer confirms the repaired device works.</summary>
public sealed record ConfirmRepair(string DisputeId, string BuyerId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ConfirmRepair(BuyerId, now);
}

/// <summary>The buyer reports the fault again after a repair.</summary>
public sealed record ReportRepeatFault(string DisputeId, string BuyerId, RepeatFault Fault) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ReportRepeatFault(BuyerId, Fault, now);
}

/// <summary>After two failed repairs, the buyer chooses an exchange.</summary>
public sealed record ChooseExchange(string DisputeId, string BuyerId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ChooseExchange(BuyerId, now);
}

/// <summary>After two failed repairs, the buyer chooses a refund.</summary>
public sealed record ChooseRefund(string DisputeId, string BuyerId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ChooseRefund(BuyerId, now);
}

/// <summary>The buyer rates how the request was handled.</summary>
public sealed record RateDispute(string DisputeId, string BuyerId, RatingInput Rating) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.Rate(BuyerId, Rating, now);
}

/// <summary>The service center receives the device.</summary>
public sealed record ReceiveDevice(string DisputeId, string ServiceCenterId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ReceiveDevice(ServiceCenterId, now);
}

/// <summary>The service center diagnoses the device.</summary>
public sealed record DiagnoseDevice(string DisputeId, string ServiceCenterId, Diagnosis Diagnosis) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.Diagnose(ServiceCenterId, Diagnosis, now);
}

/// <summary>The service center reports the device repaired or replaced.</summary>
public sealed record CompleteRepair(string DisputeId, string ServiceCenterId, RepairReport Report) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.CompleteRepair(ServiceCenterId, Report, now);
}

/// <summary>The service center ships the device back.</summary>
public sealed record ShipDeviceBack(string DisputeId, string ServiceCenterId, ShipmentDetails Shipment) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ShipDeviceBack(ServiceCenterId, Shipment, now);
}

/// <summary>An arbitrator takes the case.</summary>
public sealed record AssignArbitrator(string DisputeId, string ArbitratorId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.AssignArbitrator(ArbitratorId, now);
}

/// <summary>The assigned arbitrator asks one party for more evidence.</summary>
public sealed record RequestMoreEvidence(string DisputeId, string ArbitratorId, MoreEvidenceRequest Request) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.RequestMoreEvidence(ArbitratorId, Request, now);
}

/// <summary>The assigned arbitrator rules.</summary>
public sealed record RuleDispute(string DisputeId, string ArbitratorId, RulingTerms Ruling) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.Rule(ArbitratorId, Ruling, now);
}

/// <summary>A different arbitrator takes the appeal.</summary>
public sealed record AssignAppealReviewer(string DisputeId, string ArbitratorId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.AssignAppealReviewer(ArbitratorId, now);
}

/// <summary>The appeal reviewer upholds the ruling.</summary>
public sealed record UpholdRuling(string DisputeId, string ArbitratorId, ReviewDecision Decision) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.UpholdRuling(ArbitratorId, Decision, now);
}

/// <summary>The appeal reviewer overturns the ruling.</summary>
public sealed record OverturnRuling(string DisputeId, string ArbitratorId, RulingTerms Ruling) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.OverturnRuling(ArbitratorId, Ruling, now);
}

/// <summary>The buyer or the seller escalates.</summary>
public sealed record EscalateDispute(string DisputeId, Actor Actor, EscalationRequest Request) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.Escalate(Actor, Request, now);
}

/// <summary>The buyer or the seller submits evidence.</summary>
public sealed record SubmitEvidence(string DisputeId, Actor Actor, EvidenceSubmission Evidence) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.SubmitEvidence(Actor, Evidence, now);
}

/// <summary>The buyer or the seller accepts the ruling.</summary>
public sealed record AcceptRuling(string DisputeId, Actor Actor) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.AcceptRuling(Actor, now);
}

/// <summary>The buyer or the seller appeals the ruling.</summary>
public sealed record AppealRuling(string DisputeId, Actor Actor, AppealRequest Appeal) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.Appeal(Actor, Appeal, now);
}

/// <summary>A party sends a message on the case.</summary>
public sealed record SendMessage(string DisputeId, Actor Actor, MessageText Message) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.SendMessage(Actor, Message, now);
}

/// <summary>An arbitrator (or the system) retries a failed refund now.</summary>
public sealed record RetryRefund(string DisputeId, Actor Actor) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.RetryRefund(Actor, now);
}

/// <summary>The system takes the default outcome of a due deadline (sent by the deadline worker).</summary>
public sealed record ExpireDeadline(string DisputeId) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ExpireDeadline(now);
}

/// <summary>The system records the refund gateway's answer (sent by the outbox dispatcher).</summary>
public sealed record RecordRefundOutcome(string DisputeId, RefundResult Result, bool Succeeded) : DisputeCommand(DisputeId)
{
    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) =>
        Succeeded ? dispute.RecordRefundSuccess(Result, now) : dispute.RecordRefundFailure(Result, now);
}
