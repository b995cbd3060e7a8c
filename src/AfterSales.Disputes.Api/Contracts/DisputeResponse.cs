using System.Globalization;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Localization;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Api.Contracts;

/// <summary>A dispute as a party sees it, with the actions that party may take now.</summary>
/// <param name="Id">The dispute.</param>
/// <param name="Version">Its version; send it back in <c>If-Match</c> to act.</param>
/// <param name="OrderId">The order.</param>
/// <param name="LineId">The order line asked about (the first of the lines).</param>
/// <param name="Lines">Every line the request holds units of, with the most it can refund for them (free gifts that come back included).</param>
/// <param name="BuyerId">The buyer.</param>
/// <param name="StoreId">The store.</param>
/// <param name="Kind">What was asked for.</param>
/// <param name="Reason">Why.</param>
/// <param name="Description">In the buyer's words.</param>
/// <param name="State">The current step.</param>
/// <param name="Remedy">How it is to be settled.</param>
/// <param name="ExchangeVariant">For an exchange, the variant the buyer gets instead of the same item.</param>
/// <param name="PriceDifference">What that variant costs more (paid) or less (negative: refunded once the replacement is confirmed).</param>
/// <param name="RequestedRefund">The refund asked for.</param>
/// <param name="AgreedRefund">The refund agreed.</param>
/// <param name="RefundableMaximum">The most this request can refund.</param>
/// <param name="ReturnShippingPayer">Who pays for sending goods back: the ruling's payer once there is one, else the policy's.</param>
/// <param name="Deadline">The live deadline: when, and what happens then.</param>
/// <param name="Closure">Why it closed, once closed.</param>
/// <param name="AllowedActions">What the caller may do now.</param>
/// <param name="Labels">The state and the allowed actions in words, in the caller's language (<c>Accept-Language</c>).</param>
/// <param name="FlowId">The flow.</param>
/// <param name="FlowVersion">Its version.</param>
/// <param name="PolicyVersion">The frozen policy's version.</param>
/// <param name="Eligibility">The eligibility decision from the opening, with its trace; reasons and windows in the caller's language.</param>
/// <param name="Offers">The negotiation history.</param>
/// <param name="Shipments">Shipments with carriers and tracking numbers.</param>
/// <param name="ReceiptReport">The seller's report on returned goods.</param>
/// <param name="Refund">The refund.</param>
/// <param name="Repair">The repair side, with its on-site visits.</param>
/// <param name="OnSiteService">Whether a repair is done on site rather than shipped in.</param>
/// <param name="Charges">Repair fees charged through the platform's payment service, with their idempotent ids.</param>
/// <param name="Arbitration">Arbitration rounds.</param>
/// <param name="Evidence">Evidence submitted.</param>
/// <param name="Messages">Messages on the case.</param>
/// <param name="Rating">The buyer's rating.</param>
/// <param name="Scorecard">What it contributes to the store's scorecard.</param>
/// <param name="Penalties">The penalty points the store incurred on this case, each with the timeline event that caused it.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record DisputeResponse(
    string Id,
    int Version,
    string OrderId,
    string LineId,
    IReadOnlyList<DisputedLine> Lines,
    string BuyerId,
    string StoreId,
    RequestKind Kind,
    RequestReason Reason,
    string Description,
    DisputeState State,
    Remedy Remedy,
    ProductVariant? ExchangeVariant,
    Amount? PriceDifference,
    Amount? RequestedRefund,
    Amount? AgreedRefund,
    Amount RefundableMaximum,
    ShippingPayer ReturnShippingPayer,
    DeadlineResponse? Deadline,
    ClosureReason? Closure,
    IReadOnlyList<DisputeAction> AllowedActions,
    DisputeLabels Labels,
    string FlowId,
    int FlowVersion,
    string PolicyVersion,
    EligibilityDecision Eligibility,
    IReadOnlyList<Offer> Offers,
    IReadOnlyList<Shipment> Shipments,
    ConditionReport? ReceiptReport,
    RefundRecord? Refund,
    RepairFile? Repair,
    bool OnSiteService,
    IReadOnlyList<ChargeRecord> Charges,
    IReadOnlyList<ArbitrationResponse> Arbitration,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<CaseMessage> Messages,
    Rating? Rating,
    ScorecardInputs Scorecard,
    IReadOnlyList<StorePenalty> Penalties,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The response for <paramref name="caller"/>.</summary>
    public static DisputeResponse From(Dispute dispute, Actor caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        var allowed = dispute.AllowedActions(caller, now);
        return new DisputeResponse(
            dispute.Id, dispute.Version, dispute.OrderId, dispute.LineId, dispute.Lines, dispute.BuyerId, dispute.StoreId, dispute.Kind, dispute.Reason,
            dispute.Description, dispute.State, dispute.Remedy, dispute.ExchangeVariant, dispute.PriceDifference, dispute.RequestedRefund, dispute.AgreedRefund, dispute.Ceiling, dispute.ReturnShippingPayer,
            dispute.Deadline is { } deadline ? DeadlineResponse.From(deadline, dispute.Flow[dispute.State].Deadline?.Label) : null,
            dispute.Closure, allowed, DisputeLabels.For(dispute.State, allowed), dispute.FlowId, dispute.FlowVersion, dispute.Policy.Version, InCallersLanguage(dispute.Eligibility),
            dispute.Offers, dispute.Shipments, dispute.ReceiptReport, dispute.Refund, dispute.RepairFile, dispute.OnSiteService, dispute.Charges,
            [.. dispute.ArbitrationRounds.Select(ArbitrationResponse.From)], dispute.Evidence, dispute.Messages, dispute.Rating, dispute.Scorecard,
            dispute.Penalties, dispute.OpenedAt, dispute.UpdatedAt);
    }

    // The reasons and windows as the caller reads them; the translations stay in the record, not in the answer.
    internal static EligibilityDecision InCallersLanguage(EligibilityDecision decision)
    {
        var culture = CultureInfo.CurrentUICulture;
        RuleCheck Read(RuleCheck check) => check with { Reason = check.ReasonIn(culture), Translations = null };
        return decision with
        {
            Trace = [.. decision.Trace.Select(Read)],
            Flags = [.. decision.Flags.Select(Read)],
            Windows = [.. decision.Windows.Select(w => w with { Name = w.NameIn(culture), Translations = null })],
        };
    }
}

/// <summary>A live deadline.</summary>
/// <param name="ExpiresWith">What the system does when it falls due.</param>
/// <param name="DueAt">When.</param>
/// <param name="Paused">Whether its clock is paused.</param>
/// <param name="Label">The window, in the caller's language (<c>卖家处理时限</c>, <c>seller response window</c>).</param>
/// <param name="ExpiresWithLabel">What happens when it falls due, in the caller's language.</param>
public sealed record DeadlineResponse(DisputeAction ExpiresWith, DateTimeOffset DueAt, bool Paused, string Label, string ExpiresWithLabel)
{
    internal static DeadlineResponse From(Flows.Deadline<DisputeAction> deadline, string? label) =>
        new(deadline.ExpiresWith, deadline.DueAt, deadline.IsPaused, DisputeTexts.FlowLabel(label ?? deadline.ExpiresWith.ToString()), DisputeTexts.Label(deadline.ExpiresWith));
}

/// <summary>A case's step and the caller's actions in words, in the caller's language.</summary>
/// <param name="State">The current step (<c>等待卖家处理</c>, <c>awaiting the seller's response</c>).</param>
/// <param name="AllowedActions">Each allowed action by its name, with what it does.</param>
public sealed record DisputeLabels(string State, IReadOnlyDictionary<string, string> AllowedActions)
{
    internal static DisputeLabels For(DisputeState state, IEnumerable<DisputeAction> allowed) =>
        new(DisputeTexts.Label(state), allowed.ToDictionary(a => a.ToString(), a => DisputeTexts.Label(a)));
}

/// <summary>One arbitration round.</summary>
/// <param name="Round">1 for the first escalation.</param>
/// <param name="EscalatedBy">Who escalated.</param>
/// <param name="Reason">Why.</param>
/// <param name="EscalatedAt">When.</param>
/// <param name="EvidenceFrom">Parties that submitted evidence.</param>
/// <param name="ArbitratorId">The assigned arbitrator.</param>
/// <param name="PendingRequest">An open request for more evidence.</param>
/// <param name="Rulings">The ruling and any decision on appeal.</param>
/// <param name="Appeals">Appeals.</param>
/// <param name="AcceptedBy">Parties that accepted the ruling.</param>
/// <param name="ReviewerId">The appeal reviewer.</param>
/// <param name="FoundFalse">Parties whose evidence of this round the arbitrator found false.</param>
public sealed record ArbitrationResponse(
    int Round,
    Party EscalatedBy,
    string Reason,
    DateTimeOffset EscalatedAt,
    Party EvidenceFrom,
    string? ArbitratorId,
    MoreEvidenceRequest? PendingRequest,
    IReadOnlyList<Ruling> Rulings,
    IReadOnlyList<FiledAppeal> Appeals,
    Party AcceptedBy,
    string? ReviewerId,
    Party FoundFalse)
{
    internal static ArbitrationResponse From(ArbitrationFile file) => new(
        file.Round, file.EscalatedBy, file.Reason, file.EscalatedAt, file.EvidenceFrom, file.ArbitratorId, file.PendingRequest,
        file.Rulings, file.Appeals, file.AcceptedBy, file.ReviewerId, file.FoundFalse);
}
