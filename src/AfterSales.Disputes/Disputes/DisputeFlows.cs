using AfterSales.Disputes.Flows;
using static AfterSales.Disputes.Disputes.DisputeAction;
using static AfterSales.Disputes.Disputes.DisputeState;
using static AfterSales.Disputes.Flows.Branch<AfterSales.Disputes.Disputes.DisputeState, AfterSales.Disputes.Disputes.DisputeContext>;

namespace AfterSales.Disputes.Disputes;

/// <summary>Everything a party (or the system) can do on a dispute; the flows say who may do what, when.</summary>
public enum DisputeAction
{
    /// <summary>The buyer opened the request (the first timeline event; not a flow action).</summary>
    Open,

    /// <summary>Seller approves the request as asked.</summary>
    Approve,

    /// <summary>System approves the request after the seller's silence.</summary>
    AutoApprove,

    /// <summary>Seller rejects the request with a reason code.</summary>
    Reject,

    /// <summary>Seller proposes an offer: partial refund, keep the item, exchange or repair instead.</summary>
    ProposeOffer,

    /// <summary>Buyer accepts the seller's offer.</summary>
    AcceptOffer,

    /// <summary>Buyer declines the seller's offer; the seller answers the request again.</summary>
    DeclineOffer,

    /// <summary>Buyer answers an offer or a rejection with new terms; the seller answers them.</summary>
    CounterOffer,

    /// <summary>System closes the request when the buyer leaves an offer unanswered.</summary>
    LapseOffer,

    /// <summary>System closes a rejected request the buyer neither countered nor escalated.</summary>
    CloseUnescalated,

    /// <summary>Buyer withdraws the request.</summary>
    Withdraw,

    /// <summary>Buyer ships the item back.</summary>
    ShipReturn,

    /// <summary>System closes the request when nothing was shipped in time.</summary>
    CloseUnshipped,

    /// <summary>Buyer adds a note to a return on its way back (where it was left, what is in the box).</summary>
    AddReturnNote,

    /// <summary>Seller confirms receipt of the return and reports its condition.</summary>
    ConfirmReceipt,

    /// <summary>System confirms receipt after the seller's silence.</summary>
    AutoConfirmReceipt,

    /// <summary>Buyer (or, after silence, the system) accepts the seller's not-intact report.</summary>
    AcceptProblemReport,

    /// <summary>Seller ships the replacement.</summary>
    ShipReplacement,

    /// <summary>System refunds when the seller does not ship the replacement in time.</summary>
    RefundInstead,

    /// <summary>Buyer confirms the replacement arrived as it should.</summary>
    ConfirmReplacement,

    /// <summary>System confirms the replacement after the buyer's silence.</summary>
    AutoConfirmReplacement,

    /// <summary>System records that the refund gateway paid the refund.</summary>
    RecordRefundSuccess,

    /// <summary>System records that the refund gateway failed.</summary>
    RecordRefundFailure,

    /// <summary>System records a refund the gateway did not answer within the refund answer window as failed; it is retried.</summary>
    TimeOutRefund,

    /// <summary>System, an arbitrator or the seller retries a failed refund with the same refund id.</summary>
    RetryRefund,

    /// <summary>Service center proposes a slot for an on-site visit.</summary>
    ProposeVisit,

    /// <summary>Buyer (or, after silence, the system) accepts the proposed visit slot.</summary>
    AcceptVisit,

    /// <summary>Buyer asks the service center for another visit slot.</summary>
    RequestOtherSlot,

    /// <summary>Service center reports the on-site visit: repaired there, or the device taken in for repair.</summary>
    ReportVisit,

    /// <summary>Buyer sends the device to the service center.</summary>
    ShipDevice,

    /// <summary>Service center receives the device.</summary>
    ReceiveDevice,

    /// <summary>Service center diagnoses the device: covered, or not covered with a quoted fee.</summary>
    Diagnose,

    /// <summary>Buyer accepts the repair fee.</summary>
    AcceptQuote,

    /// <summary>Buyer (or, after silence, the system) declines the fee; the device comes back unrepaired.</summary>
    DeclineQuote,

    /// <summary>System records that the payment service charged the repair fee.</summary>
    RecordChargeSuccess,

    /// <summary>System records that charging the repair fee failed.</summary>
    RecordChargeFailure,

    /// <summary>System records a charge the payment service did not answer within the charge answer window as failed; it is retried.</summary>
    TimeOutCharge,

    /// <summary>The buyer, or the system after a delay, charges the repair fee again with the same charge id.</summary>
    RetryCharge,

    /// <summary>System records that a repair fee was refunded because the repair it paid for failed.</summary>
    RecordFeeRefund,

    /// <summary>Service center reports the device repaired or replaced.</summary>
    CompleteRepair,

    /// <summary>Service center ships the device back to the buyer.</summary>
    ShipDeviceBack,

    /// <summary>Buyer confirms the repaired device works.</summary>
    ConfirmRepair,

    /// <summary>System confirms the repair after the buyer's silence.</summary>
    AutoConfirmRepair,

    /// <summary>Buyer reports the same fault again after a repair.</summary>
    ReportRepeatFault,

    /// <summary>System closes a completed repair when the follow-up period ends.</summary>
    CloseRepair,

    /// <summary>Buyer, entitled after two failed repairs, chooses an exchange.</summary>
    ChooseExchange,

    /// <summary>Buyer (or, after silence, the system) chooses a refund after two failed repairs.</summary>
    ChooseRefund,

    /// <summary>A party escalates to platform arbitration.</summary>
    Escalate,

    /// <summary>System escalates a repair step the service center left past its window.</summary>
    EscalateOverdue,

    /// <summary>System grants a full refund when the assigned arbitrator does not rule within the ruling window.</summary>
    RuleByDefault,

    /// <summary>A party submits evidence.</summary>
    SubmitEvidence,

    /// <summary>System closes the evidence window: both parties submitted, or time ran out.</summary>
    CloseEvidence,

    /// <summary>An arbitrator takes the case.</summary>
    AssignArbitrator,

    /// <summary>The assigned arbitrator asks one party for more evidence.</summary>
    RequestMoreEvidence,

    /// <summary>System ends the wait for more evidence.</summary>
    CloseMoreEvidence,

    /// <summary>The assigned arbitrator rules.</summary>
    Rule,

    /// <summary>A party accepts the ruling, waiving its appeal.</summary>
    AcceptRuling,

    /// <summary>A party appeals the ruling (once).</summary>
    Appeal,

    /// <summary>System executes the ruling when the appeal window ends or both parties accepted it.</summary>
    ExecuteRuling,

    /// <summary>An arbitrator other than the one who ruled takes the appeal.</summary>
    AssignAppealReviewer,

    /// <summary>The appeal reviewer upholds the ruling, which is executed.</summary>
    UpholdRuling,

    /// <summary>The appeal reviewer overturns the ruling with a new one, which is executed.</summary>
    OverturnRuling,

    /// <summary>A party sends a message on the case.</summary>
    SendMessage,

    /// <summary>Buyer rates how the request was handled, 1 to 5.</summary>
    Rate,

    /// <summary>The assigned arbitrator (or appeal reviewer) finds a party's evidence false.</summary>
    FindEvidenceFalse,
}

/// <summary>
/// The four after-sales flows. They share their steps, because negotiation and arbitration can settle
/// any request with any remedy (a refund request can end in a replacement, a return in a repair); they
/// differ in the remedy they start from, the seller's review window, and whether the repair steps exist
/// (a refund-only request never goes to a service center).
/// </summary>
public static class DisputeFlows
{
    private static readonly Guard<DisputeContext> s_buyerDeclinedAnOffer = new(
        "the buyer declined an offer", c => c.Dispute.Offers.Any(o => o.By == Party.Seller && o.Status == OfferStatus.Declined));

    private static readonly Guard<DisputeContext> s_noArbitratorYet = new(
        "no arbitrator is assigned yet", c => c.Dispute.Arbitration?.ArbitratorId is null);

    private static readonly Guard<DisputeContext> s_assignedArbitrator = new(
        "you are the arbitrator assigned to this case", c => c.Dispute.Arbitration?.ArbitratorId == c.Actor.Id);

    private static readonly Guard<DisputeContext> s_evidenceRequestedFromYou = new(
        "more evidence was requested from you", c => c.Dispute.Arbitration?.PendingRequest?.From == c.Actor.Party);

    private static readonly Guard<DisputeContext> s_notAppealedYet = new(
        "you have not appealed this ruling", c => c.Dispute.Arbitration?.HasAppealed(c.Actor.Party) == false);

    private static readonly Guard<DisputeContext> s_notAcceptedYet = new(
        "you have not accepted this ruling", c => (c.Dispute.Arbitration!.AcceptedBy & c.Actor.Party) == 0);

    private static readonly Guard<DisputeContext> s_noReviewerYet = new(
        "no appeal reviewer is assigned yet", c => c.Dispute.Arbitration?.ReviewerId is null);

    private static readonly Guard<DisputeContext> s_evidenceToJudge = new(
        "a party submitted evidence not yet found false", c => c.Dispute.Arbitration is { } a && (a.EvidenceFrom & ~a.FoundFalse & (Party.Buyer | Party.Seller)) != 0);

    private static readonly Guard<DisputeContext> s_notTheRulingArbitrator = new(
        "you did not make the ruling under appeal", c => c.Dispute.Arbitration?.RuledBy != c.Actor.Id);

    private static readonly Guard<DisputeContext> s_assignedReviewer = new(
        "you are the assigned appeal reviewer", c => c.Dispute.Arbitration?.ReviewerId == c.Actor.Id);

    private static readonly Guard<DisputeContext> s_feeRefundDue = new(
        "a repair fee awaits its refund", c => c.Dispute.Charge?.Status == ChargeStatus.RefundDue);

    private static readonly Guard<DisputeContext> s_chargingARepairFee = new(
        "the charge is a repair fee", c => c.Dispute.Remedy == Remedy.Repair);

    // An exchange for a dearer variant has its difference charged before the replacement ships.
    private static readonly Branch<DisputeState, DisputeContext> s_dearerVariant = When(ChargingBuyer, "an exchange for a dearer variant: the difference is charged first",
        c => c.Dispute.Remedy == Remedy.Exchange && c.Dispute.PriceDifference is { IsPositive: true });

    private static readonly Guard<DisputeContext> s_notRatedYet = new(
        "the request has not been rated yet", c => c.Dispute.Rating is null);

    /// <summary>Refund only: the buyer keeps the item or never got it.</summary>
    public static FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext> RefundOnly { get; } = Build(RequestKind.RefundOnly);

    /// <summary>Return and refund.</summary>
    public static FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext> ReturnAndRefund { get; } = Build(RequestKind.ReturnAndRefund);

    /// <summary>Exchange.</summary>
    public static FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext> Exchange { get; } = Build(RequestKind.Exchange);

    /// <summary>Warranty or paid repair.</summary>
    public static FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext> Repair { get; } = Build(RequestKind.Repair);

    /// <summary>Every version of every dispute flow; a dispute continues with the version it opened with.</summary>
    public static FlowCatalog<DisputeState, DisputeAction, Party, DisputeContext> Catalog { get; } = new(RefundOnly, ReturnAndRefund, Exchange, Repair);

    /// <summary>The flow id of a kind of request: <c>refund-only</c>, <c>return-and-refund</c>, <c>exchange</c>, <c>repair</c>.</summary>
    public static string FlowId(RequestKind kind) => kind switch
    {
        RequestKind.RefundOnly => "refund-only",
        RequestKind.ReturnAndRefund => "return-and-refund",
        RequestKind.Exchange => "exchange",
        RequestKind.Repair => "repair",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The flow new requests of <paramref name="kind"/> start with.</summary>
    public static FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext> For(RequestKind kind) => Catalog.Latest(FlowId(kind));

    /// <summary>The remedy a request of <paramref name="kind"/> starts from.</summary>
    public static Remedy InitialRemedy(RequestKind kind) => kind switch
    {
        RequestKind.RefundOnly => Remedy.RefundKeepItem,
        RequestKind.ReturnAndRefund => Remedy.ReturnAndRefund,
        RequestKind.Exchange => Remedy.Exchange,
        _ => Remedy.Repair,
    };

    private static FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext> Build(RequestKind kind)
    {
        var withRepair = kind != RequestKind.RefundOnly;
        var flow = FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext>.Create(FlowId(kind), version: 1, initial: AwaitingSellerResponse, system: Party.System);
        DeclareArguments(flow);
        SellerResponse(flow, kind, withRepair);
        Negotiation(flow, withRepair);
        ReturnShipment(flow);
        Replacement(flow);
        Refund(flow);
        Charge(flow, withRepair);
        if (withRepair)
        {
            RepairSteps(flow);
        }

        Arbitration(flow, withRepair);
        flow.In(Closed).Terminal()
            .PermitInternalIf(Rate, Party.Buyer, s_notRatedYet);
        Messages(flow, withRepair);
        return flow.Build();
    }

    // The details each action takes, as its declaration says (see Dispute's action tables).
    private static void DeclareArguments(FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext> flow)
    {
        foreach (var declaration in Dispute.Declarations.Values.Where(d => d.ArgumentType is not null))
        {
            flow.Takes(declaration.Action, declaration.ArgumentType!);
        }
    }

    // A new request waits for the seller (for repairs, the brand's review in business days). Silence
    // until the deadline approves it.
    private static void SellerResponse(FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext> flow, RequestKind kind, bool withRepair) => flow
        .In(AwaitingSellerResponse)
            .Deadline(c => c.Dispute.SellerResponseWindow, expiresWith: AutoApprove,
                kind == RequestKind.Repair ? "repair review (business days)" : "seller response window")
            .PermitDynamic(Approve, Party.Seller, Settle(c => c.Dispute.Remedy, withRepair))
            .PermitDynamic(AutoApprove, Party.System, Settle(c => c.Dispute.Remedy, withRepair))
            .Permit(Reject, RejectedBySeller, Party.Seller)
            .Permit(ProposeOffer, AwaitingBuyerOnOffer, Party.Seller)
            .PermitIf(Escalate, CollectingEvidence, Party.Seller, s_buyerDeclinedAnOffer)
            .Permit(Withdraw, Closed, Party.Buyer);

    // Offers go both ways. The buyer answers the seller's offer; a counter-offer (or a revision after
    // a rejection) goes back to the seller, whose silence approves it.
    private static void Negotiation(FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext> flow, bool withRepair) => flow
        .In(AwaitingBuyerOnOffer)
            .Deadline(c => c.Dispute.Policy.Windows.OfferResponse, expiresWith: LapseOffer, "offer response window")
            .PermitDynamic(AcceptOffer, Party.Buyer, Settle(c => c.Dispute.PendingOffer?.Terms.Remedy, withRepair))
            .Permit(DeclineOffer, AwaitingSellerResponse, Party.Buyer)
            .Permit(CounterOffer, AwaitingSellerResponse, Party.Buyer)
            .Permit(Escalate, CollectingEvidence, Party.Buyer)
            .Permit(Withdraw, Closed, Party.Buyer)
            .Permit(LapseOffer, Closed, Party.System)
        .In(RejectedBySeller)
            .Deadline(c => c.Dispute.Policy.Windows.EscalationWindow, expiresWith: CloseUnescalated, "escalation window")
            .Permit(CounterOffer, AwaitingSellerResponse, Party.Buyer)
            .Permit(Escalate, CollectingEvidence, Party.Buyer)
            .Permit(Withdraw, Closed, Party.Buyer)
            .Permit(CloseUnescalated, Closed, Party.System);

    // The buyer ships within the window or the request closes; the seller confirms receipt and the
    // item's condition within 10 days (30 for surface mail) or the refund is issued automatically.
    private static void ReturnShipment(FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext> flow) => flow
        .In(AwaitingReturnShipment)
            .Deadline(c => c.Dispute.Policy.Windows.ReturnShipment, expiresWith: CloseUnshipped, "return shipment window")
            .Permit(ShipReturn, AwaitingReturnReceipt, Party.Buyer)
            .Permit(Withdraw, Closed, Party.Buyer)
            .Permit(CloseUnshipped, Closed, Party.System)
        .In(AwaitingReturnReceipt)
            .Deadline(c => c.Dispute.ReceiptConfirmationWindow, expiresWith: AutoConfirmReceipt, "receipt confirmation window")
            .PermitInternal(AddReturnNote, Party.Buyer)
            .PermitDynamic(ConfirmReceipt, Party.Seller,
                When<ConditionReport>(ItemProblemReported, "the seller reports the item not intact, or fewer units back than a refund is for",
                    (c, report) => !report.IsIntact || (c.Dispute.Remedy != Remedy.Exchange && c.Dispute.IsPartial(report))),
                s_dearerVariant,
                When(AwaitingReplacementShipment, "the request is an exchange", c => c.Dispute.Remedy == Remedy.Exchange),
                Otherwise(Refunding))
            .PermitDynamic(AutoConfirmReceipt, Party.System,
                s_dearerVariant,
                When(AwaitingReplacementShipment, "the request is an exchange", c => c.Dispute.Remedy == Remedy.Exchange),
                Otherwise(Refunding))
        .In(ItemProblemReported)
            .Deadline(c => c.Dispute.Policy.Windows.ProblemResponse, expiresWith: AcceptProblemReport, "problem response window")
            .PermitDynamic(AcceptProblemReport, Party.Buyer | Party.System,
                When(Refunding, "a refund remains after the seller's deduction", c => c.Dispute.RefundAfterProblemReport is { IsPositive: true }),
                Otherwise(Closed))
            .Permit(Escalate, CollectingEvidence, Party.Buyer | Party.Seller)
            .Permit(Withdraw, Closed, Party.Buyer);

    // After receipt the seller ships a replacement (another variant, if agreed; or the buyer is refunded instead);
    // the buyer confirms it, or silence does.
    private static void Replacement(FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext> flow) => flow
        .In(AwaitingReplacementShipment)
            .Deadline(c => c.Dispute.Policy.Windows.ReplacementShipment, expiresWith: RefundInstead, "replacement shipment window")
            .Permit(ShipReplacement, AwaitingReplacementConfirmation, Party.Seller)
            .Permit(RefundInstead, Refunding, Party.System)
        .In(AwaitingReplacementConfirmation)
            .Deadline(c => c.Dispute.Policy.Windows.DeliveryConfirmation, expiresWith: AutoConfirmReplacement, "delivery confirmation window")
            .PermitDynamic(ConfirmReplacement, Party.Buyer, AfterReplacement())
            .PermitDynamic(AutoConfirmReplacement, Party.System, AfterReplacement())
            .Permit(Escalate, CollectingEvidence, Party.Buyer);

    // The refund goes through the platform's gateway with an idempotent id; no answer within a day counts
    // as a failure (a late success is found by the retry, which asks with the same id). A failure is
    // retried with a growing delay; when the automatic attempts are used up the refund waits in the
    // platform's queue, where the platform or the seller retries it, and it is still retried daily.
    private static void Refund(FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext> flow) => flow
        .In(Refunding)
            .Deadline(c => c.Dispute.Policy.Windows.RefundAnswer, expiresWith: TimeOutRefund, "refund answer window")
            .Permit(RecordRefundSuccess, Closed, Party.System)
            .Permit(RecordRefundFailure, RefundFailed, Party.System)
            .Permit(TimeOutRefund, RefundFailed, Party.System)
        .In(RefundFailed)
            .Deadline(c => c.Dispute.Policy.Windows.RefundBackoff(c.Dispute.Refund!.Attempts), expiresWith: RetryRefund, "refund retry delay (doubles each time)")
            .PermitDynamic(RetryRefund, Party.System | Party.Arbitrator | Party.Seller,
                When(Refunding, "a person retries, or automatic attempts are left",
                    c => c.Actor.Party != Party.System || c.Dispute.Refund!.Attempts < c.Dispute.Policy.Windows.RefundAttempts),
                Otherwise(RefundEscalated))
        .In(RefundEscalated)
            .Deadline(c => c.Dispute.Policy.Windows.RefundQueueRetry, expiresWith: RetryRefund, "refund queue retry")
            .Permit(RetryRefund, Refunding, Party.System | Party.Arbitrator | Party.Seller);

    // What the buyer pays goes through the platform's payment service with an idempotent charge id: an accepted
    // repair fee before the repair, the difference for a dearer variant before the replacement ships. No answer
    // within a day counts as a failure; a failure is retried with a growing delay, or at once by the buyer. When it
    // cannot be charged the device comes back unrepaired, or the same item is sent instead of the variant.
    private static void Charge(FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext> flow, bool withRepair) => flow
        .In(ChargingBuyer)
            .Deadline(c => c.Dispute.Policy.Windows.ChargeAnswer, expiresWith: TimeOutCharge, "charge answer window")
            .PermitDynamic(RecordChargeSuccess, Party.System, AfterCharge("the difference for the variant is paid", withRepair, Repairing))
            .Permit(RecordChargeFailure, ChargeFailed, Party.System)
            .Permit(TimeOutCharge, ChargeFailed, Party.System)
        .In(ChargeFailed)
            .Deadline(c => c.Dispute.Policy.Windows.ChargeBackoff(c.Dispute.Charge!.Attempts), expiresWith: RetryCharge, "charge retry delay (doubles each time)")
            .PermitDynamic(RetryCharge, Party.Buyer | Party.System,
            [
                When(ChargingBuyer, "the buyer retries, or automatic attempts are left",
                    c => c.Actor.Party == Party.Buyer || c.Dispute.Charge!.Attempts < c.Dispute.Policy.Windows.ChargeAttempts),
                .. AfterCharge("not paid: the same item instead of the variant", withRepair, ReturningDevice),
            ]);

    // Where a charge leads: the replacement for an exchange; for a repair fee, the repair (or, unpaid, back unrepaired).
    private static Branch<DisputeState, DisputeContext>[] AfterCharge(string exchange, bool withRepair, DisputeState repair) => withRepair
        ? [When(AwaitingReplacementShipment, exchange, c => c.Dispute.Remedy == Remedy.Exchange), Otherwise(repair)]
        : [Otherwise(AwaitingReplacementShipment)];

    // With on-site service the service center proposes a visit slot, the buyer accepts it (or silence does) or asks
    // for another, and the technician reports: repaired on site, or the device taken in (then as if shipped in).
    // Otherwise the device goes to the service center, which diagnoses it: covered repairs are free; otherwise
    // the buyer accepts or declines a fee, which is charged through the platform's payment service (retried like
    // a refund; when it cannot be charged the device comes back unrepaired). A repeat of the same fault reopens the repair; after the
    // second failed repair the buyer may choose an exchange or a refund. While the service center holds
    // the device, each of its steps has a window: past it, or when the buyer escalates, the platform
    // takes the case.
    private static void RepairSteps(FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext> flow) => flow
        .In(AwaitingVisitProposal)
            .ServiceCenterWindow(c => c.Dispute.Policy.Windows.VisitProposal, "visit proposal window")
            .Permit(ProposeVisit, AwaitingVisitAnswer, Party.ServiceCenter)
            .Permit(Withdraw, Closed, Party.Buyer)
        .In(AwaitingVisitAnswer)
            .Deadline(c => c.Dispute.VisitAnswerWindow(c.Now), expiresWith: AcceptVisit, "visit answer window (ends before the slot)")
            .Permit(AcceptVisit, VisitScheduled, Party.Buyer | Party.System)
            .Permit(RequestOtherSlot, AwaitingVisitProposal, Party.Buyer)
            .Permit(Withdraw, Closed, Party.Buyer)
        .In(VisitScheduled)
            .ServiceCenterWindow(c => c.Dispute.VisitReportWindow(c.Now), "visit report window (the slot, then a day)")
            .PermitDynamic(ReportVisit, Party.ServiceCenter,
                When<VisitReport>(AwaitingRepairConfirmation, "repaired on site", (c, report) => report.Outcome == VisitOutcome.RepairedOnSite),
                Otherwise(AwaitingDiagnosis))
        .In(AwaitingDeviceShipment)
            .Deadline(c => c.Dispute.Policy.Windows.DeviceShipment, expiresWith: CloseUnshipped, "device shipment window")
            .Permit(ShipDevice, DeviceInTransit, Party.Buyer)
            .Permit(Withdraw, Closed, Party.Buyer)
            .Permit(CloseUnshipped, Closed, Party.System)
        .In(DeviceInTransit)
            .ServiceCenterWindow(c => c.Dispute.Policy.Windows.DeviceReceipt, "device receipt window")
            .Permit(ReceiveDevice, AwaitingDiagnosis, Party.ServiceCenter)
        .In(AwaitingDiagnosis)
            .ServiceCenterWindow(c => c.Dispute.Policy.Windows.Diagnosis, "diagnosis window")
            .PermitDynamic(Diagnose, Party.ServiceCenter,
                When<Diagnosis>(Repairing, "the warranty covers the repair", (c, diagnosis) => diagnosis.Covered),
                When<Diagnosis>(AwaitingQuoteDecision, "a fee is quoted", (c, diagnosis) => !diagnosis.Covered))
        .In(AwaitingQuoteDecision)
            .Deadline(c => c.Dispute.Policy.Windows.QuoteResponse, expiresWith: DeclineQuote, "quote response window")
            .PermitDynamic(AcceptQuote, Party.Buyer,
                When(ChargingBuyer, "the fee is charged through the platform's payment service", c => c.Dispute.ChargesFees),
                Otherwise(Repairing))
            .Permit(DeclineQuote, ReturningDevice, Party.Buyer | Party.System)
            .Permit(Escalate, CollectingEvidence, Party.Buyer)
        .In(ChargeFailed)
            .PermitIf(DeclineQuote, ReturningDevice, Party.Buyer, s_chargingARepairFee)
        .In(Repairing)
            .ServiceCenterWindow(c => c.Dispute.Policy.Windows.RepairTime, "repair window")
            .Permit(CompleteRepair, ReturningDevice, Party.ServiceCenter)
        .In(ReturningDevice)
            .ServiceCenterWindow(c => c.Dispute.Policy.Windows.DeviceReturn, "device return window")
            .PermitDynamic(ShipDeviceBack, Party.ServiceCenter,
                When(Closed, "the buyer declined the fee", c => c.Dispute.RepairFile!.QuoteDeclined),
                Otherwise(AwaitingRepairConfirmation))
        .In(AwaitingRepairConfirmation)
            .Deadline(c => c.Dispute.Policy.Windows.DeliveryConfirmation, expiresWith: AutoConfirmRepair, "delivery confirmation window")
            .Permit(ConfirmRepair, RepairCompleted, Party.Buyer)
            .Permit(AutoConfirmRepair, RepairCompleted, Party.System)
            .PermitDynamic(ReportRepeatFault, Party.Buyer, RepeatFaultBranches())
            .Permit(Escalate, CollectingEvidence, Party.Buyer)
        .In(RepairCompleted)
            .Deadline(c => c.Dispute.Policy.Windows.RepairFollowUp, expiresWith: CloseRepair, "repair follow-up period")
            .PermitDynamic(ReportRepeatFault, Party.Buyer, RepeatFaultBranches())
            .Permit(CloseRepair, Closed, Party.System)
            .PermitInternalIf(Rate, Party.Buyer, s_notRatedYet)
        .In(EntitledToExchangeOrRefund)
            .Deadline(c => c.Dispute.Policy.Windows.EntitlementChoice, expiresWith: ChooseRefund, "entitlement choice window")
            .Permit(ChooseExchange, AwaitingReturnShipment, Party.Buyer)
            .Permit(ChooseRefund, AwaitingReturnShipment, Party.Buyer | Party.System);

    // A step where the service center holds the device: past its window the case goes to the platform,
    // and the buyer, who waits, may take it there at any time.
    private static FlowStateBuilder<DisputeState, DisputeAction, Party, DisputeContext> ServiceCenterWindow(
        this FlowStateBuilder<DisputeState, DisputeAction, Party, DisputeContext> step, Func<DisputeContext, DeadlineSpan> window, string label) => step
        .Deadline(window, expiresWith: EscalateOverdue, label)
        .Permit(Escalate, CollectingEvidence, Party.Buyer)
        .Permit(EscalateOverdue, CollectingEvidence, Party.System);

    // Either party escalates; both submit evidence (the window ends early when both have); the
    // assigned arbitrator may ask one party for more (the other's clock pauses), then rules; the
    // platform's silence past the ruling window grants the buyer a full refund. The ruling is executed
    // when the appeal window ends, when both parties accept it, or when an appeal is decided by a
    // different arbitrator (or not decided within its window: the ruling then stands).
    private static void Arbitration(FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext> flow, bool withRepair) => flow
        .In(CollectingEvidence)
            .Deadline(c => c.Dispute.Policy.Windows.EvidenceWindow, expiresWith: CloseEvidence, "evidence window")
            .PermitInternal(SubmitEvidence, Party.Buyer | Party.Seller)
            .Permit(CloseEvidence, AwaitingRuling, Party.System)
            .PermitInternalIf(AssignArbitrator, Party.Arbitrator, s_noArbitratorYet)
            .PermitIf(RequestMoreEvidence, AwaitingMoreEvidence, Party.Arbitrator, s_assignedArbitrator)
            .PermitInternalIf(FindEvidenceFalse, Party.Arbitrator, s_assignedArbitrator, s_evidenceToJudge)
            .Permit(Withdraw, Closed, Party.Buyer)
        .In(AwaitingMoreEvidence)
            .Deadline(c => c.Dispute.Policy.Windows.MoreEvidence, expiresWith: CloseMoreEvidence, "more evidence window")
            .PermitDynamicIf(SubmitEvidence, Party.Buyer | Party.Seller, [s_evidenceRequestedFromYou], BackFromMoreEvidence())
            .PermitDynamic(CloseMoreEvidence, Party.System, BackFromMoreEvidence())
            .PermitInternalIf(AssignArbitrator, Party.Arbitrator, s_noArbitratorYet)
            .PermitInternalIf(FindEvidenceFalse, Party.Arbitrator, s_assignedArbitrator, s_evidenceToJudge)
            .Permit(Withdraw, Closed, Party.Buyer)
        .In(AwaitingRuling)
            .Deadline(c => c.Dispute.Policy.Windows.Ruling, expiresWith: RuleByDefault, "ruling window")
            .PermitInternalIf(AssignArbitrator, Party.Arbitrator, s_noArbitratorYet)
            .PermitIf(RequestMoreEvidence, AwaitingMoreEvidence, Party.Arbitrator, s_assignedArbitrator)
            .PermitIf(Rule, RulingIssued, Party.Arbitrator, s_assignedArbitrator)
            .PermitInternalIf(FindEvidenceFalse, Party.Arbitrator, s_assignedArbitrator, s_evidenceToJudge)
            .Permit(RuleByDefault, Refunding, Party.System)
            .Permit(Withdraw, Closed, Party.Buyer)
        .In(RulingIssued)
            .Deadline(c => c.Dispute.Policy.Windows.AppealWindow, expiresWith: ExecuteRuling, "appeal window")
            .PermitIf(Appeal, AppealUnderReview, Party.Buyer | Party.Seller, s_notAppealedYet)
            .PermitInternalIf(AcceptRuling, Party.Buyer | Party.Seller, s_notAcceptedYet)
            .PermitDynamic(ExecuteRuling, Party.System, RulingBranches(withRepair))
        .In(AppealUnderReview)
            .Deadline(c => c.Dispute.Policy.Windows.AppealReview, expiresWith: ExecuteRuling, "appeal review window")
            .PermitDynamic(ExecuteRuling, Party.System, RulingBranches(withRepair))
            .PermitInternalIf(Appeal, Party.Buyer | Party.Seller, s_notAppealedYet)
            .PermitInternalIf(AssignAppealReviewer, Party.Arbitrator, s_noReviewerYet, s_notTheRulingArbitrator)
            .PermitInternalIf(FindEvidenceFalse, Party.Arbitrator, s_assignedReviewer, s_evidenceToJudge)
            .PermitDynamicIf(UpholdRuling, Party.Arbitrator, [s_assignedReviewer], RulingBranches(withRepair))
            .PermitDynamicIf(OverturnRuling, Party.Arbitrator, [s_assignedReviewer], OverturnBranches(withRepair));

    // Messages can be sent at every open step, by every party that can be involved. A repair fee refunded because
    // the repair failed is recorded whenever the refund gateway answers, whatever step the case has reached.
    private static void Messages(FlowBuilder<DisputeState, DisputeAction, Party, DisputeContext> flow, bool withRepair)
    {
        var parties = Party.Buyer | Party.Seller | Party.Arbitrator | (withRepair ? Party.ServiceCenter : Party.None);
        foreach (var state in Enum.GetValues<DisputeState>().Where(s => withRepair || !IsRepairStep(s)))
        {
            if (state != Closed)
            {
                flow.In(state).PermitInternal(SendMessage, parties);
            }

            if (withRepair)
            {
                flow.In(state).PermitInternalIf(RecordFeeRefund, Party.System, s_feeRefundDue);
            }
        }
    }

    private static bool IsRepairStep(DisputeState state) => state is AwaitingVisitProposal or AwaitingVisitAnswer or VisitScheduled
        or AwaitingDeviceShipment or DeviceInTransit or AwaitingDiagnosis
        or AwaitingQuoteDecision or Repairing or ReturningDevice or AwaitingRepairConfirmation or RepairCompleted or EntitledToExchangeOrRefund;

    // Where an agreed remedy leads: a refund straight away when the buyer keeps the item, a replacement
    // straight away when the buyer never got it, the service center for a repair, otherwise the item
    // comes back first.
    private static Branch<DisputeState, DisputeContext>[] Settle(Func<DisputeContext, Remedy?> remedy, bool withRepair) =>
    [
        When(Refunding, "the buyer keeps the item", c => remedy(c) == Remedy.RefundKeepItem),
        When(ChargingBuyer, "a replacement for an item the buyer does not have, at a dearer variant",
            c => remedy(c) == Remedy.Exchange && !c.Dispute.BuyerHoldsItem && c.Dispute.PriceDifference is { IsPositive: true }),
        When(AwaitingReplacementShipment, "a replacement for an item the buyer does not have",
            c => remedy(c) == Remedy.Exchange && !c.Dispute.BuyerHoldsItem),
        .. withRepair
            ?
            [
                When(AwaitingVisitProposal, "a repair, on site", c => remedy(c) == Remedy.Repair && c.Dispute.OnSiteService),
                When(AwaitingDeviceShipment, "a repair", c => remedy(c) == Remedy.Repair),
            ]
            : Array.Empty<Branch<DisputeState, DisputeContext>>(),
        Otherwise(AwaitingReturnShipment),
    ];

    // An exchange for a cheaper variant ends with the refund of the difference.
    private static Branch<DisputeState, DisputeContext>[] AfterReplacement() =>
    [
        When(Refunding, "a cheaper variant: the difference is refunded", c => c.Dispute.PriceDifference is { IsNegative: true }),
        Otherwise(Closed),
    ];

    // Back to the evidence window if it was paused for the request, otherwise on to the ruling.
    private static Branch<DisputeState, DisputeContext>[] BackFromMoreEvidence() =>
    [
        When(CollectingEvidence, "the evidence window was paused", c => c.Dispute.Arbitration?.PausedEvidenceWindow is not null),
        Otherwise(AwaitingRuling),
    ];

    private static Branch<DisputeState, DisputeContext>[] RepeatFaultBranches() =>
    [
        When<RepeatFault>(EntitledToExchangeOrRefund, "the same fault has now failed two repairs",
            (c, fault) => c.Dispute.RepairFile!.FailedRepairsOf(fault.FaultCode) >= 1),
        When(AwaitingVisitProposal, "on-site service", c => c.Dispute.OnSiteService),
        Otherwise(AwaitingDeviceShipment),
    ];

    // A ruling is executed by moving the case into the matching step.
    private static (DisputeState Target, string Label, Func<RulingOutcome, Dispute, bool> Applies)[] RulingSteps(bool withRepair) =>
    [
        (Refunding, "a refund is ruled", (outcome, _) => outcome is RulingOutcome.FullRefund or RulingOutcome.PartialRefund),
        (ChargingBuyer, "a replacement is ruled for an item the buyer does not have, at a dearer variant",
            (outcome, dispute) => outcome == RulingOutcome.Replace && !dispute.BuyerHoldsItem && dispute.PriceDifference is { IsPositive: true }),
        (AwaitingReplacementShipment, "a replacement is ruled for an item the buyer does not have",
            (outcome, dispute) => outcome == RulingOutcome.Replace && !dispute.BuyerHoldsItem),
        (AwaitingReturnShipment, "a return and refund, or a replacement, is ruled",
            (outcome, _) => outcome is RulingOutcome.ReturnAndRefund or RulingOutcome.Replace),
        .. withRepair
            ?
            [
                (AwaitingVisitProposal, "a repair is ruled, on site", (outcome, dispute) => outcome == RulingOutcome.Repair && dispute.OnSiteService),
                (AwaitingDeviceShipment, "a repair is ruled", (outcome, _) => outcome == RulingOutcome.Repair),
            ]
            : Array.Empty<(DisputeState, string, Func<RulingOutcome, Dispute, bool>)>(),
    ];

    private static Branch<DisputeState, DisputeContext>[] RulingBranches(bool withRepair) =>
    [
        .. RulingSteps(withRepair).Select(step => When(step.Target, step.Label,
            c => step.Applies(c.Dispute.Arbitration!.CurrentRuling!.Terms.Outcome, c.Dispute))),
        Otherwise(Closed),
    ];

    private static Branch<DisputeState, DisputeContext>[] OverturnBranches(bool withRepair) =>
    [
        .. RulingSteps(withRepair).Select(step => When<RulingTerms>(step.Target, step.Label,
            (c, ruling) => step.Applies(ruling.Outcome, c.Dispute))),
        Otherwise(Closed),
    ];
}
