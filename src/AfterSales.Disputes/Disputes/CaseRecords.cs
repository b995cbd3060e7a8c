using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Disputes;

/// <summary>What became of an offer.</summary>
public enum OfferStatus
{
    /// <summary>Waiting for the other party.</summary>
    Pending,

    /// <summary>Accepted: the request is settled on its terms.</summary>
    Accepted,

    /// <summary>Declined by the other party.</summary>
    Declined,

    /// <summary>Answered with another offer or a rejection.</summary>
    Superseded,

    /// <summary>Left unanswered until its deadline.</summary>
    Lapsed,

    /// <summary>Withdrawn with the request.</summary>
    Withdrawn,
}

/// <summary>One offer in the negotiation history: who proposed what, and who answered how.</summary>
/// <param name="Number">1 for the first offer of the dispute, then one more each.</param>
/// <param name="By">Who proposed it.</param>
/// <param name="Terms">The remedy, amount and terms.</param>
/// <param name="At">When.</param>
/// <param name="Status">What became of it.</param>
/// <param name="AnsweredBy">Who answered it.</param>
/// <param name="AnsweredAt">When.</param>
public sealed record Offer(int Number, Party By, OfferTerms Terms, DateTimeOffset At, OfferStatus Status, Party? AnsweredBy = null, DateTimeOffset? AnsweredAt = null);

/// <summary>Why goods travel.</summary>
public enum ShipmentPurpose
{
    /// <summary>Goods going back to the seller.</summary>
    Return,

    /// <summary>A replacement going to the buyer.</summary>
    Replacement,

    /// <summary>A device going to the service center.</summary>
    ToServiceCenter,

    /// <summary>A device coming back from the service center.</summary>
    FromServiceCenter,
}

/// <summary>A shipment with its carrier and tracking number.</summary>
/// <param name="Purpose">Why it travels.</param>
/// <param name="Details">Carrier, tracking number, method.</param>
/// <param name="ShippedAt">When it was shipped.</param>
/// <param name="ReceivedAt">When it was received, once known.</param>
public sealed record Shipment(ShipmentPurpose Purpose, ShipmentDetails Details, DateTimeOffset ShippedAt, DateTimeOffset? ReceivedAt = null)
{
    /// <summary>For a replacement, the variant sent instead of the same item; null for the same item.</summary>
    public ProductVariant? Variant { get; init; }
}

/// <summary>Evidence a party submitted.</summary>
/// <param name="By">The party.</param>
/// <param name="ActorId">Its id.</param>
/// <param name="Submission">The statement and files.</param>
/// <param name="At">When.</param>
public sealed record EvidenceItem(Party By, string ActorId, EvidenceSubmission Submission, DateTimeOffset At);

/// <summary>Where a refund stands with the gateway.</summary>
public enum RefundStatus
{
    /// <summary>Requested; waiting for the gateway.</summary>
    Pending,

    /// <summary>Paid.</summary>
    Succeeded,

    /// <summary>The last attempt failed; it will be retried.</summary>
    Failed,
}

/// <summary>
/// The refund of a dispute. Its <see cref="RefundId"/> is the idempotency key for the gateway: every
/// retry uses it, so the buyer is paid at most once.
/// </summary>
/// <param name="RefundId">The idempotent refund id.</param>
/// <param name="Amount">The amount.</param>
/// <param name="ItemPart">The part that refunds the order line.</param>
/// <param name="ShippingPart">The part that refunds the order's shipping fee.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">How many times it was sent to the gateway.</param>
/// <param name="RequestedAt">When it was first requested.</param>
/// <param name="GatewayReference">The gateway's reference once paid.</param>
/// <param name="LastFailure">Why the last attempt failed.</param>
public sealed record RefundRecord(
    string RefundId,
    Amount Amount,
    Amount ItemPart,
    Amount ShippingPart,
    RefundStatus Status,
    int Attempts,
    DateTimeOffset RequestedAt,
    string? GatewayReference = null,
    string? LastFailure = null)
{
    /// <summary>How the item part is shared among the request's lines, each within its ceiling for the units that came back.</summary>
    public IReadOnlyList<RefundLine> Lines { get; init; } = [];

    /// <summary>
    /// Return postage settled in the refund: positive when the seller reimburses postage the buyer paid, negative when a
    /// buyer who pays return shipping used the seller's prepaid label; null when none. <see cref="Amount"/> includes it.
    /// </summary>
    public Amount? ReturnPostage { get; init; }
}

/// <summary>The part of a refund that pays for one order line.</summary>
/// <param name="LineId">The order line.</param>
/// <param name="Units">The units it pays for.</param>
/// <param name="Amount">What it pays for them.</param>
public sealed record RefundLine(string LineId, int? Units, Amount Amount);

/// <summary>Where a charge stands.</summary>
public enum ChargeStatus
{
    /// <summary>Sent to the payment service, waiting for its answer.</summary>
    Pending,

    /// <summary>Charged.</summary>
    Succeeded,

    /// <summary>The last attempt failed.</summary>
    Failed,

    /// <summary>Charged, but the repair it paid for failed (the fault came back): the fee is being refunded.</summary>
    RefundDue,

    /// <summary>Charged, and refunded because the repair failed.</summary>
    Refunded,
}

/// <summary>
/// A repair fee charged to the buyer through the platform's payment service. Its <see cref="ChargeId"/> is the
/// idempotency key: every retry uses it, so the buyer is charged at most once.
/// </summary>
/// <param name="ChargeId">The idempotent charge id.</param>
/// <param name="Amount">The fee.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">How many times it was sent to the payment service.</param>
/// <param name="RequestedAt">When it was first requested.</param>
/// <param name="PaymentReference">The payment service's reference once charged.</param>
/// <param name="LastFailure">Why the last attempt failed.</param>
public sealed record ChargeRecord(
    string ChargeId,
    Amount Amount,
    ChargeStatus Status,
    int Attempts,
    DateTimeOffset RequestedAt,
    string? PaymentReference = null,
    string? LastFailure = null)
{
    /// <summary>The refund gateway's reference once the fee was refunded.</summary>
    public string? RefundReference { get; init; }
}

/// <summary>The repair side of a dispute.</summary>
/// <param name="Application">The buyer's application.</param>
/// <param name="ServiceCenterId">The service center the device goes to.</param>
/// <param name="WarrantyCovered">Whether eligibility found the warranty to cover it.</param>
/// <param name="Diagnosis">The latest diagnosis.</param>
/// <param name="QuoteDeclined">Whether the buyer declined the latest quote (the device then comes back unrepaired).</param>
/// <param name="Repairs">Every repair report, oldest first.</param>
/// <param name="FailedRepairs">Per fault code, how many repairs of it failed (the fault came back).</param>
public sealed record RepairFile(
    RepairApplication Application,
    string ServiceCenterId,
    bool WarrantyCovered,
    Diagnosis? Diagnosis,
    bool QuoteDeclined,
    IReadOnlyList<RepairReport> Repairs,
    IReadOnlyDictionary<string, int> FailedRepairs)
{
    /// <summary>On-site visits, oldest first: each proposed slot with how it was answered and, once visited, the report.</summary>
    public IReadOnlyList<Visit> Visits { get; init; } = [];

    /// <summary>How many repairs of <paramref name="faultCode"/> failed.</summary>
    public int FailedRepairsOf(string faultCode) => FailedRepairs.GetValueOrDefault(faultCode);
}

/// <summary>How a proposed visit slot stands.</summary>
public enum VisitStatus
{
    /// <summary>Waiting for the buyer's answer.</summary>
    Proposed,

    /// <summary>Accepted by the buyer, or by the buyer's silence: the technician comes.</summary>
    Accepted,

    /// <summary>The buyer asked for another slot.</summary>
    OtherSlotAsked,

    /// <summary>The technician came and reported.</summary>
    Visited,
}

/// <summary>An on-site visit: the slot proposed, when, how it was answered, and the technician's report.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="ProposedAt">When the service center proposed it.</param>
/// <param name="Status">How it stands.</param>
/// <param name="OtherSlotReason">Why the buyer asked for another slot.</param>
/// <param name="Report">The technician's report, once visited.</param>
public sealed record Visit(VisitSlot Slot, DateTimeOffset ProposedAt, VisitStatus Status, string? OtherSlotReason = null, VisitReport? Report = null);

/// <summary>A ruling as issued: its terms, by whom, when, and whether on appeal.</summary>
/// <param name="Terms">Outcome, amount, rationale, shipping payer, penalty.</param>
/// <param name="ArbitratorId">Who ruled.</param>
/// <param name="At">When.</param>
/// <param name="OnAppeal">True for an appeal reviewer's decision.</param>
public sealed record Ruling(RulingTerms Terms, string ArbitratorId, DateTimeOffset At, bool OnAppeal);

/// <summary>An appeal of a ruling.</summary>
/// <param name="By">The party that appealed.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record FiledAppeal(Party By, string Reason, DateTimeOffset At);

/// <summary>One round of platform arbitration: escalation, evidence, assignment, ruling, appeals.</summary>
/// <param name="Round">1 for the first escalation of the dispute.</param>
/// <param name="EscalatedBy">Who escalated.</param>
/// <param name="Reason">Why.</param>
/// <param name="EscalatedAt">When.</param>
/// <param name="EvidenceFrom">Parties that submitted evidence in the window.</param>
/// <param name="ArbitratorId">The assigned arbitrator.</param>
/// <param name="PendingRequest">An open request for more evidence.</param>
/// <param name="PausedEvidenceWindow">The evidence window, paused while one party is asked for more.</param>
/// <param name="Rulings">The ruling, then any decision on appeal.</param>
/// <param name="Appeals">Appeals, at most one per party.</param>
/// <param name="AcceptedBy">Parties that accepted the ruling.</param>
/// <param name="ReviewerId">The arbitrator reviewing the appeal.</param>
public sealed record ArbitrationFile(
    int Round,
    Party EscalatedBy,
    string Reason,
    DateTimeOffset EscalatedAt,
    Party EvidenceFrom,
    string? ArbitratorId,
    MoreEvidenceRequest? PendingRequest,
    Deadline<DisputeAction>? PausedEvidenceWindow,
    IReadOnlyList<Ruling> Rulings,
    IReadOnlyList<FiledAppeal> Appeals,
    Party AcceptedBy,
    string? ReviewerId)
{
    /// <summary>The parties whose evidence of this round an arbitrator found false.</summary>
    public Party FoundFalse { get; init; }

    /// <summary>The ruling in force: the appeal decision if there is one, otherwise the original.</summary>
    public Ruling? CurrentRuling => Rulings.Count == 0 ? null : Rulings[^1];

    /// <summary>Who made the original ruling.</summary>
    public string? RuledBy => Rulings.Count == 0 ? null : Rulings[0].ArbitratorId;

    /// <summary>True when <paramref name="party"/> has appealed.</summary>
    public bool HasAppealed(Party party) => Appeals.Any(a => a.By == party);
}

/// <summary>A message on the case.</summary>
/// <param name="By">The party.</param>
/// <param name="ActorId">Its id.</param>
/// <param name="Text">The message.</param>
/// <param name="At">When.</param>
public sealed record CaseMessage(Party By, string ActorId, string Text, DateTimeOffset At);

/// <summary>The buyer's rating.</summary>
/// <param name="Stars">1 to 5.</param>
/// <param name="Comment">Optional comment.</param>
/// <param name="At">When.</param>
public sealed record Rating(int Stars, string? Comment, DateTimeOffset At);
