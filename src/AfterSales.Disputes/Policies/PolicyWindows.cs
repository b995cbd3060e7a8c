using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Policies;

/// <summary>
/// How long each step of a dispute may take before its default outcome applies. The platform floor
/// sets them; each dispute freezes the values that applied when it opened.
/// </summary>
/// <param name="SellerResponseBeforeShipment">Seller's answer to a request on an order not shipped yet (default 48 h); silence approves.</param>
/// <param name="SellerResponseAfterShipment">Seller's answer once the order shipped (default 5 days); silence approves.</param>
/// <param name="RepairReviewBusinessDays">Review of a repair application, in business days of the region (default 2); silence accepts.</param>
/// <param name="OfferResponse">Buyer's answer to a seller's offer (default 5 days); silence closes the request.</param>
/// <param name="EscalationWindow">Buyer's time to escalate or revise after a rejection (default 7 days); then the request closes.</param>
/// <param name="ReturnShipment">Buyer's time to ship goods back after approval (default 7 days); then the request closes.</param>
/// <param name="ReceiptConfirmationExpress">Seller's time to confirm receipt of an express return (default 10 days); silence refunds.</param>
/// <param name="ReceiptConfirmationSurface">Seller's time to confirm receipt of a surface-mail return (default 30 days); silence refunds.</param>
/// <param name="ProblemResponse">Buyer's time to accept or escalate a seller's not-intact report (default 7 days); silence accepts.</param>
/// <param name="ReplacementShipment">Seller's time to ship a replacement (default 5 days); silence refunds instead.</param>
/// <param name="DeliveryConfirmation">Buyer's time to confirm a replacement or repaired device (default 10 days); silence confirms.</param>
/// <param name="RefundRetry">Wait before a failed refund is first retried (default 1 hour); it doubles with each failure (see <see cref="RefundBackoff"/>).</param>
/// <param name="DeviceShipment">Buyer's time to send a device to the service center (default 7 days); then the request closes.</param>
/// <param name="QuoteResponse">Buyer's time to accept a repair quote (default 7 days); silence declines it.</param>
/// <param name="RepairFollowUp">How long after a repair a repeat fault reopens the same request (default 90 days).</param>
/// <param name="EntitlementChoice">Buyer's time to choose an exchange or a refund after two failed repairs (default 15 days); silence chooses the refund.</param>
/// <param name="EvidenceWindow">Both parties' time to submit evidence after an escalation (default 3 days).</param>
/// <param name="MoreEvidence">A party's time to answer an arbitrator's request for more evidence (default 3 days).</param>
/// <param name="AppealWindow">Time to appeal a ruling before it is executed (default 15 days).</param>
public sealed record PolicyWindows(
    DeadlineSpan SellerResponseBeforeShipment,
    DeadlineSpan SellerResponseAfterShipment,
    int RepairReviewBusinessDays,
    DeadlineSpan OfferResponse,
    DeadlineSpan EscalationWindow,
    DeadlineSpan ReturnShipment,
    DeadlineSpan ReceiptConfirmationExpress,
    DeadlineSpan ReceiptConfirmationSurface,
    DeadlineSpan ProblemResponse,
    DeadlineSpan ReplacementShipment,
    DeadlineSpan DeliveryConfirmation,
    DeadlineSpan RefundRetry,
    DeadlineSpan DeviceShipment,
    DeadlineSpan QuoteResponse,
    DeadlineSpan RepairFollowUp,
    DeadlineSpan EntitlementChoice,
    DeadlineSpan EvidenceWindow,
    DeadlineSpan MoreEvidence,
    DeadlineSpan AppealWindow)
{
    // The windows below came with the soundness work (every waiting step has a deadline). They are
    // init properties with defaults, not constructor parameters, so policies frozen in timelines written
    // before them still read, and get these defaults.

    /// <summary>Service center's time to confirm it received a device (default 10 days); then the case goes to the platform.</summary>
    public DeadlineSpan DeviceReceipt { get; init; } = DeadlineSpan.Days(10);

    /// <summary>Service center's time to diagnose a received device (default 5 days); then the case goes to the platform.</summary>
    public DeadlineSpan Diagnosis { get; init; } = DeadlineSpan.Days(5);

    /// <summary>Service center's time to repair or replace a device (default 15 days); then the case goes to the platform.</summary>
    public DeadlineSpan RepairTime { get; init; } = DeadlineSpan.Days(15);

    /// <summary>Service center's time to ship a device back (default 5 days); then the case goes to the platform.</summary>
    public DeadlineSpan DeviceReturn { get; init; } = DeadlineSpan.Days(5);

    /// <summary>
    /// The assigned arbitrator's time to rule once the evidence is in (default 15 days). The platform's
    /// silence grants the buyer a full refund: the buyer is the one waiting, and the store is not penalised.
    /// </summary>
    public DeadlineSpan Ruling { get; init; } = DeadlineSpan.Days(15);

    /// <summary>A different arbitrator's time to decide an appeal (default 15 days); silence lets the ruling stand, and it is executed.</summary>
    public DeadlineSpan AppealReview { get; init; } = DeadlineSpan.Days(15);

    /// <summary>The refund gateway's time to answer a refund request (default 1 day); no answer counts as a failure and the refund is retried.</summary>
    public DeadlineSpan RefundAnswer { get; init; } = DeadlineSpan.Days(1);

    /// <summary>How many times a refund is sent to the gateway automatically before it goes to the platform's queue (default 5).</summary>
    public int RefundAttempts { get; init; } = 5;

    /// <summary>How often a refund in the platform's queue is still retried automatically (default every day).</summary>
    public DeadlineSpan RefundQueueRetry { get; init; } = DeadlineSpan.Days(1);

    /// <summary>Service center's time to propose an on-site visit slot (default 2 days); then the case goes to the platform.</summary>
    public DeadlineSpan VisitProposal { get; init; } = DeadlineSpan.Days(2);

    /// <summary>Buyer's time to answer a proposed visit slot (default 2 days, and never past the slot's start); silence accepts it.</summary>
    public DeadlineSpan VisitAnswer { get; init; } = DeadlineSpan.Days(2);

    /// <summary>Service center's time after a visit slot ends to report the visit (default 1 day); then the case goes to the platform.</summary>
    public DeadlineSpan VisitReport { get; init; } = DeadlineSpan.Days(1);

    /// <summary>The payment service's time to answer a charge of a repair fee (default 1 day); no answer counts as a failure and the charge is retried.</summary>
    public DeadlineSpan ChargeAnswer { get; init; } = DeadlineSpan.Days(1);

    /// <summary>How many times a repair fee is charged automatically before the device comes back unrepaired (default 3).</summary>
    public int ChargeAttempts { get; init; } = 3;

    /// <summary>Wait before a failed charge is first retried (default 1 hour); it doubles with each failure.</summary>
    public DeadlineSpan ChargeRetry { get; init; } = DeadlineSpan.Hours(1);

    /// <summary>The wait before the next automatic retry of a charge that failed <paramref name="attempts"/> times.</summary>
    public DeadlineSpan ChargeBackoff(int attempts) => Doubling(ChargeRetry, attempts);

    /// <summary>
    /// The wait before the next automatic retry of a refund that failed <paramref name="attempts"/> times:
    /// <see cref="RefundRetry"/>, doubled after each failure (1 h, 2 h, 4 h, … by default).
    /// </summary>
    public DeadlineSpan RefundBackoff(int attempts) => Doubling(RefundRetry, attempts);

    // The first wait, doubled after each failure but the first (capped at 2^10 times).
    private static DeadlineSpan Doubling(DeadlineSpan first, int attempts) =>
        DeadlineSpan.Of(first.Length * Math.Pow(2, Math.Clamp(attempts - 1, 0, 10)));

    /// <summary>The defaults of DESIGN section 3.</summary>
    public static PolicyWindows Default { get; } = new(
        SellerResponseBeforeShipment: DeadlineSpan.Hours(48),
        SellerResponseAfterShipment: DeadlineSpan.Days(5),
        RepairReviewBusinessDays: 2,
        OfferResponse: DeadlineSpan.Days(5),
        EscalationWindow: DeadlineSpan.Days(7),
        ReturnShipment: DeadlineSpan.Days(7),
        ReceiptConfirmationExpress: DeadlineSpan.Days(10),
        ReceiptConfirmationSurface: DeadlineSpan.Days(30),
        ProblemResponse: DeadlineSpan.Days(7),
        ReplacementShipment: DeadlineSpan.Days(5),
        DeliveryConfirmation: DeadlineSpan.Days(10),
        RefundRetry: DeadlineSpan.Hours(1),
        DeviceShipment: DeadlineSpan.Days(7),
        QuoteResponse: DeadlineSpan.Days(7),
        RepairFollowUp: DeadlineSpan.Days(90),
        EntitlementChoice: DeadlineSpan.Days(15),
        EvidenceWindow: DeadlineSpan.Days(3),
        MoreEvidence: DeadlineSpan.Days(3),
        AppealWindow: DeadlineSpan.Days(15));
}
