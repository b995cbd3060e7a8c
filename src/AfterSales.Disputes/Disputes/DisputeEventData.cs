using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Disputes;

/// <summary>
/// The details an action carries (a reason code, an offer, a tracking number). They are stored on the
/// timeline event, so replaying the events re-applies the same actions with the same details.
/// </summary>
public abstract record DisputeEventData
{
    /// <summary>
    /// The uploaded files these details name, each with its SHA-256 as it was when the action was taken; set by
    /// the application after it checked them (they exist, belong to the caller and have an allowed type), so
    /// what a client sends here is replaced. Null when the details name no file.
    /// </summary>
    public IReadOnlyList<AttachedFile>? Files { get; init; }

    internal abstract DisputeResult ApplyTo(Dispute dispute, Actor actor, DisputeAction action, DateTimeOffset at);
}

/// <summary>
/// Base of each kind of details: taking or replaying an action calls the aggregate with the details' own
/// type, which is the argument type the action declares.
/// </summary>
/// <typeparam name="TSelf">The derived record itself.</typeparam>
public abstract record DisputeEventData<TSelf> : DisputeEventData
    where TSelf : DisputeEventData<TSelf>
{
    internal override DisputeResult ApplyTo(Dispute dispute, Actor actor, DisputeAction action, DateTimeOffset at) =>
        dispute.Apply(actor, action, (TSelf)this, at);
}

/// <summary>Why the seller rejects a request.</summary>
/// <param name="ReasonCode">A code from the platform's list, such as <c>item-as-described</c>.</param>
/// <param name="Note">Free text for the buyer.</param>
public sealed record RejectionReason(string ReasonCode, string? Note = null) : DisputeEventData<RejectionReason>;

/// <summary>An offer or counter-offer: how to settle, for how much, on which terms.</summary>
/// <param name="Remedy">How the request would be settled.</param>
/// <param name="Refund">The refund, for remedies that pay money.</param>
/// <param name="Terms">The terms in words.</param>
/// <param name="Variant">For an exchange, the variant offered instead of the same item; null for the same item.</param>
public sealed record OfferTerms(Remedy Remedy, Amount? Refund = null, string Terms = "", ProductVariant? Variant = null) : DisputeEventData<OfferTerms>;

/// <summary>How goods are sent back or forth.</summary>
public enum ShippingMethod
{
    /// <summary>Express courier.</summary>
    Express,

    /// <summary>Surface mail: slower, so receipt windows are longer.</summary>
    Surface,
}

/// <summary>A shipment's carrier and tracking number, and for a return what its postage cost.</summary>
/// <param name="Carrier">The carrier.</param>
/// <param name="TrackingNumber">The tracking number.</param>
/// <param name="Method">Express or surface mail.</param>
/// <param name="Postage">
/// For a return, what sending it cost: the postage the buyer paid the carrier, or with <paramref name="PrepaidLabel"/>
/// the cost of the seller's prepaid label. Who pays return shipping then moves money in the refund: the seller
/// reimburses the buyer's postage (up to the store's cap), or a buyer who pays has the label's cost deducted.
/// </param>
/// <param name="PrepaidLabel">Whether the return went with the seller's prepaid label (the seller paid the postage up front).</param>
public sealed record ShipmentDetails(string Carrier, string TrackingNumber, ShippingMethod Method = ShippingMethod.Express, Amount? Postage = null,
    bool PrepaidLabel = false) : DisputeEventData<ShipmentDetails>;

/// <summary>The seller's report on returned goods. Not intact needs evidence, and may propose a reduced refund.</summary>
/// <param name="Issues">What is wrong; <see cref="ConditionIssue.None"/> or only <see cref="ConditionIssue.OpenedForInspection"/> means intact.</param>
/// <param name="EvidenceIds">Photos or video of the problem.</param>
/// <param name="ProposedRefund">For a not-intact item, the refund the seller still offers (zero for none).</param>
/// <param name="Note">Free text.</param>
/// <param name="Received">
/// The units that came back, per line, when fewer than the request's came back; null when all did. A partial
/// return of a refund is refunded for the units received (the buyer accepts or escalates).
/// </param>
public sealed record ConditionReport(ConditionIssue Issues, IReadOnlyList<string> EvidenceIds, Amount? ProposedRefund = null, string? Note = null,
    IReadOnlyList<RequestedLine>? Received = null) : DisputeEventData<ConditionReport>, IReferencesFiles
{
    /// <inheritdoc/>
    public IEnumerable<FileReference> FileReferences() => (EvidenceIds ?? []).Select(id => new FileReference(id, FileUse.Evidence));

    /// <summary>True when the goods came back intact.</summary>
    public bool IsIntact => Issues.IsIntact();
}

/// <summary>Evidence for arbitration: a statement and uploaded files.</summary>
/// <param name="Statement">What the party says.</param>
/// <param name="EvidenceIds">Ids of uploaded photos, videos or documents.</param>
public sealed record EvidenceSubmission(string Statement, IReadOnlyList<string> EvidenceIds) : DisputeEventData<EvidenceSubmission>, IReferencesFiles
{
    /// <inheritdoc/>
    public IEnumerable<FileReference> FileReferences() => (EvidenceIds ?? []).Select(id => new FileReference(id, FileUse.Evidence));
}

/// <summary>Why a party escalates to the platform.</summary>
/// <param name="Reason">In the party's words.</param>
public sealed record EscalationRequest(string Reason) : DisputeEventData<EscalationRequest>;

/// <summary>The arbitrator asks one party for more evidence.</summary>
/// <param name="From">The buyer or the seller.</param>
/// <param name="Request">What is needed.</param>
public sealed record MoreEvidenceRequest(Party From, string Request) : DisputeEventData<MoreEvidenceRequest>;

/// <summary>An arbitrator's finding that a party's evidence is false.</summary>
/// <param name="From">The buyer or the seller, who submitted the evidence in this arbitration.</param>
/// <param name="Finding">What is false, and how it was found.</param>
public sealed record FalseEvidenceFinding(Party From, string Finding) : DisputeEventData<FalseEvidenceFinding>;

/// <summary>What an arbitrator can rule.</summary>
public enum RulingOutcome
{
    /// <summary>Refund everything claimed; the buyer keeps the item.</summary>
    FullRefund,

    /// <summary>Refund an amount; the buyer keeps the item.</summary>
    PartialRefund,

    /// <summary>The item goes back and is refunded.</summary>
    ReturnAndRefund,

    /// <summary>The seller replaces the item.</summary>
    Replace,

    /// <summary>The service center repairs the device.</summary>
    Repair,

    /// <summary>The claim is rejected.</summary>
    ClaimRejected,
}

/// <summary>A ruling: outcome, amount, rationale, who pays return shipping, and an optional penalty on the store.</summary>
/// <param name="Outcome">What is ruled.</param>
/// <param name="Refund">The refund for a partial refund (or a return and refund of less than claimed).</param>
/// <param name="Rationale">Why, for both parties.</param>
/// <param name="ReturnShippingPayer">Who pays for sending goods back, if they go back (the seller unless ruled otherwise).</param>
/// <param name="PenaltyPoints">Penalty points on the store's scorecard (0 for none).</param>
/// <param name="PenaltyReason">Why the store is penalised.</param>
public sealed record RulingTerms(
    RulingOutcome Outcome,
    Amount? Refund = null,
    string Rationale = "",
    ShippingPayer ReturnShippingPayer = ShippingPayer.Seller,
    int PenaltyPoints = 0,
    string? PenaltyReason = null) : DisputeEventData<RulingTerms>;

/// <summary>Why a party appeals a ruling.</summary>
/// <param name="Reason">In the party's words.</param>
public sealed record AppealRequest(string Reason) : DisputeEventData<AppealRequest>;

/// <summary>The appeal reviewer's reasons for upholding a ruling.</summary>
/// <param name="Rationale">Why the ruling stands.</param>
public sealed record ReviewDecision(string Rationale) : DisputeEventData<ReviewDecision>;

/// <summary>The service center's diagnosis.</summary>
/// <param name="Covered">Whether the warranty covers the repair.</param>
/// <param name="Finding">What is wrong, in words.</param>
/// <param name="Fee">The quoted fee when not covered.</param>
/// <param name="Cause">The cause found, if it decides coverage.</param>
public sealed record Diagnosis(bool Covered, string Finding, Amount? Fee = null, FaultCause? Cause = null) : DisputeEventData<Diagnosis>;

/// <summary>A visit slot the service center proposes for on-site service.</summary>
/// <param name="Start">When the technician may arrive from.</param>
/// <param name="End">When the slot ends (at most 8 hours after it starts).</param>
/// <param name="Note">What the buyer should know (the technician's name, what to prepare).</param>
public sealed record VisitSlot(DateTimeOffset Start, DateTimeOffset End, string? Note = null) : DisputeEventData<VisitSlot>;

/// <summary>The buyer's reason for asking another visit slot.</summary>
/// <param name="Reason">Why the slot does not suit, and what would.</param>
public sealed record OtherSlotRequest(string Reason) : DisputeEventData<OtherSlotRequest>;

/// <summary>How an on-site visit ended.</summary>
public enum VisitOutcome
{
    /// <summary>The technician repaired the device on site (only a repair the warranty covers).</summary>
    RepairedOnSite,

    /// <summary>The technician took the device to the service center, which diagnoses it there.</summary>
    TakenToServiceCenter,
}

/// <summary>The technician's report of an on-site visit.</summary>
/// <param name="Findings">The diagnosis, in the technician's words.</param>
/// <param name="Outcome">Repaired on site, or taken in.</param>
public sealed record VisitReport(string Findings, VisitOutcome Outcome) : DisputeEventData<VisitReport>;

/// <summary>What the service center did.</summary>
public enum RepairResult
{
    /// <summary>Repaired.</summary>
    Repaired,

    /// <summary>Replaced with a new or refurbished device.</summary>
    Replaced,
}

/// <summary>The service center's repair report.</summary>
/// <param name="Result">Repaired or replaced.</param>
/// <param name="Notes">What was done.</param>
public sealed record RepairReport(RepairResult Result, string Notes) : DisputeEventData<RepairReport>;

/// <summary>A fault that came back after a repair.</summary>
/// <param name="FaultCode">The fault, in the same code as the repair application when it is the same fault.</param>
/// <param name="Description">What happens.</param>
public sealed record RepeatFault(string FaultCode, string Description) : DisputeEventData<RepeatFault>;

/// <summary>What the payment service answered to a charge.</summary>
/// <param name="PaymentReference">The payment service's reference for a completed charge.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record ChargeResult(string? PaymentReference, string? Failure = null) : DisputeEventData<ChargeResult>;

/// <summary>What the refund gateway answered.</summary>
/// <param name="GatewayReference">The gateway's reference for a paid refund.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record RefundResult(string? GatewayReference, string? Failure = null) : DisputeEventData<RefundResult>;

/// <summary>A message on the case.</summary>
/// <param name="Text">The message.</param>
public sealed record MessageText(string Text) : DisputeEventData<MessageText>;

/// <summary>The buyer's rating of how the request was handled.</summary>
/// <param name="Stars">1 to 5.</param>
/// <param name="Comment">Optional comment.</param>
public sealed record RatingInput(int Stars, string? Comment = null) : DisputeEventData<RatingInput>;
