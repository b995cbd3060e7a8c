using System.Collections.Frozen;
using System.Globalization;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Localization;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Disputes;

/// <summary>
/// An after-sales request between a buyer and a store, with its flow, deadline, frozen policy,
/// negotiation, shipments, refund, repair and arbitration, and its timeline.
/// </summary>
/// <remarks>
/// <para>
/// Every change is an action, taken by name through <see cref="Take"/> or through the intent method that
/// names its party (<see cref="Approve"/>, <see cref="Escalate"/>, …): the dispute checks that the actor is a
/// party to it, checks the details, asks the flow whether the action is allowed, and only then changes and
/// appends one timeline event. A refused action returns a <see cref="DisputeRefusal"/> and changes nothing.
/// </para>
/// <para>
/// What an action means is declared once, in the table of its concept (this class's partial files:
/// negotiation, returns, refunds, repairs, arbitration, conversation); <see cref="DisputeActions"/> publishes
/// the declarations, and <see cref="DisputeFlows"/> says who may take each action, when, and where it leads.
/// </para>
/// <para>
/// The timeline holds each action with its details, so <see cref="Rebuild"/> re-applies them through
/// the same code and yields the same dispute.
/// </para>
/// </remarks>
public sealed partial class Dispute
{
    /// <summary>
    /// The most events a dispute's parties may add: from there only the deadlines and the platform's ports move the
    /// case, and they finish it on their own (the soundness explorer checks that from every case they need at most
    /// 64 steps). So a case stays bounded, however many messages a party sends, and still finishes.
    /// </summary>
    public const int MaxPartyEvents = 1000;

    /// <summary>The most events a dispute holds: <see cref="MaxPartyEvents"/> and room for the deadlines and the ports to finish it.</summary>
    public const int MaxEvents = MaxPartyEvents + 200;

    private const int MaxTextLength = 4000;

    private readonly List<DisputeEvent> _timeline = [];
    private readonly List<Offer> _offers = [];
    private readonly List<Shipment> _shipments = [];
    private readonly List<EvidenceItem> _evidence = [];
    private readonly List<CaseMessage> _messages = [];
    private readonly List<ArbitrationFile> _arbitrations = [];
    private readonly List<ChargeRecord> _charges = [];
    private readonly List<StorePenalty> _penalties = [];
    private readonly FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext> _flow;
    private readonly OpenDisputeRequest _request;

    // Every action's declaration and every state's entry effects, from the concepts' tables (Dispute.Negotiation.cs, …).
    private static readonly ActionTable[] s_concepts =
        [NegotiationActions(), ReturnActions(), RefundActions(), RepairActions(), ArbitrationActions(), ConversationActions()];

    // The actions the system takes when a deadline falls due, and only then. Lazy: the flows read the
    // declarations above when they are built.
    private static readonly Lazy<FrozenSet<DisputeAction>> s_deadlineAnswers = new(() => DisputeFlows.Catalog.All
        .SelectMany(flow => flow.States).Select(state => state.Deadline?.ExpiresWith).OfType<DisputeAction>().ToFrozenSet());

    private static readonly FrozenDictionary<DisputeState, Action<Dispute, Transition<DisputeState, DisputeAction, Party>>[]> s_entryEffects =
        s_concepts.SelectMany(t => t.Entries).GroupBy(e => e.State).ToFrozenDictionary(g => g.Key, g => g.Select(e => e.Effect).ToArray());

    private Dispute(DisputeOpened opened, DateTimeOffset at)
    {
        var request = opened.Request;
        _request = request;
        Id = request.DisputeId;
        OrderId = opened.OrderId;
        LineId = request.LineId;
        BuyerId = request.BuyerId;
        StoreId = opened.StoreId;
        Kind = request.Kind;
        Reason = request.Reason;
        Description = request.Description;
        RequestedRefund = request.RequestedRefund;
        ClaimsShipping = request.ClaimsShipping;
        Remedy = DisputeFlows.InitialRemedy(request.Kind);
        ItemCeiling = opened.ItemCeiling;
        ShippingCeiling = opened.ShippingCeiling;
        Lines = opened.Lines ?? [new DisputedLine(request.LineId, Units: null, opened.ItemCeiling)];
        OnSiteService = opened.OnSiteService;
        ExchangeVariant = request.Variant;
        ChargesFees = opened.ChargesFees;
        OrderShipped = opened.OrderShipped;
        Policy = opened.Policy;
        Eligibility = opened.Eligibility;
        FlowId = opened.FlowId;
        FlowVersion = opened.FlowVersion;
        _flow = DisputeFlows.Catalog.Get(opened.FlowId, opened.FlowVersion);
        OpenedAt = at;
        UpdatedAt = at;
        Scorecard = new ScorecardInputs(StoreId, at);
        if (request.Repair is { } application)
        {
            // Eligibility now refuses a repair with no service center; timelines written before that rule keep "".
            RepairFile = NewRepairFile(application, opened.Eligibility.WarrantyCovered == true, ServiceCenterId ?? "");
        }

        State = _flow.Initial;
        Deadline = _flow.StartDeadline(State, new DisputeContext(this, Actor.Buyer(BuyerId), at), at);
        Version = 1;
        _timeline.Add(new DisputeEvent(Id, Version, at, Party.Buyer, BuyerId, DisputeAction.Open, State, State, opened));
    }

    /// <summary>Every action's declaration, by action: each declared once, in one concept's table.</summary>
    internal static FrozenDictionary<DisputeAction, ActionDeclaration> Declarations { get; } =
        s_concepts.SelectMany(t => t.Actions).ToFrozenDictionary(d => d.Action);

    /// <summary>The dispute's id.</summary>
    public string Id { get; }

    /// <summary>The order.</summary>
    public string OrderId { get; }

    /// <summary>The order line the request is about (the first of <see cref="Lines"/>).</summary>
    public string LineId { get; }

    /// <summary>Every line the request holds units of, with the most it can refund for each: the line asked about first, then other lines, then free gifts that come back.</summary>
    public IReadOnlyList<DisputedLine> Lines { get; }

    /// <summary>The buyer.</summary>
    public string BuyerId { get; }

    /// <summary>The store.</summary>
    public string StoreId { get; }

    /// <summary>What the buyer asked for.</summary>
    public RequestKind Kind { get; }

    /// <summary>Why.</summary>
    public RequestReason Reason { get; }

    /// <summary>In the buyer's words.</summary>
    public string Description { get; }

    /// <summary>The refund the request currently asks for (a counter-offer changes it); null for exchanges and repairs.</summary>
    public Amount? RequestedRefund { get; private set; }

    /// <summary>Whether the request also claims the order's shipping fee.</summary>
    public bool ClaimsShipping { get; }

    /// <summary>How the request is to be settled; offers and rulings change it.</summary>
    public Remedy Remedy { get; private set; }

    /// <summary>The refund agreed (by approval, offer, report or ruling), once there is one.</summary>
    public Amount? AgreedRefund { get; private set; }

    /// <summary>The most that can be refunded for the order line, frozen when the request opened.</summary>
    public Amount ItemCeiling { get; }

    /// <summary>The shipping fee this request may refund (zero unless it claims it).</summary>
    public Amount ShippingCeiling { get; }

    /// <summary>The most this request can refund: the line's remaining amount and any claimed shipping.</summary>
    public Amount Ceiling => ItemCeiling + ShippingCeiling;

    /// <summary>The units of <paramref name="lineId"/> this request holds (all of them for a request opened before quantities existed).</summary>
    public int UnitsOn(string lineId) => Lines.Where(l => l.LineId == lineId).Sum(l => l.Units ?? int.MaxValue);

    /// <summary>What this request's refund pays, or is paying, for <paramref name="lineId"/>; null when it has no refund.</summary>
    public Amount? RefundedOn(string lineId) => Refund is not { } refund ? null
        : refund.Lines.Count > 0 ? refund.Lines.Where(l => l.LineId == lineId).Aggregate(Amount.Zero(refund.Amount.Currency), (sum, l) => sum + l.Amount)
        : lineId == LineId ? refund.ItemPart : null;

    /// <summary>What a full refund pays: the amount asked for, or for exchanges and repairs the ceiling.</summary>
    public Amount FullRefundAmount => RequestedRefund ?? Ceiling;

    /// <summary>Whether the order had shipped when the request opened.</summary>
    public bool OrderShipped { get; }

    /// <summary>Whether the buyer has the item (not for requests about an order never shipped or never received).</summary>
    public bool BuyerHoldsItem => Reason is not (RequestReason.NotShipped or RequestReason.NotReceived);

    /// <summary>The effective policy, frozen with its version when the request opened.</summary>
    public EffectivePolicy Policy { get; }

    /// <summary>The eligibility decision, with its rule trace, from when the request opened.</summary>
    public EligibilityDecision Eligibility { get; }

    /// <summary>The flow the dispute follows.</summary>
    public string FlowId { get; }

    /// <summary>The version of that flow, kept for the dispute's whole life.</summary>
    public int FlowVersion { get; }

    /// <summary>The current step.</summary>
    public DisputeState State { get; private set; }

    /// <summary>The live deadline, if the current step has one.</summary>
    public Deadline<DisputeAction>? Deadline { get; private set; }

    /// <summary>The number of timeline events: 1 when opened, one more per action. Used for optimistic concurrency.</summary>
    public int Version { get; private set; }

    /// <summary>When the request was opened.</summary>
    public DateTimeOffset OpenedAt { get; }

    /// <summary>When the last action was taken.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Why the dispute closed, once it has.</summary>
    public ClosureReason? Closure { get; private set; }

    /// <summary>True once the dispute is closed.</summary>
    public bool IsClosed => State == DisputeState.Closed;

    /// <summary>Every offer and counter-offer, oldest first, with how each was answered.</summary>
    public IReadOnlyList<Offer> Offers => _offers;

    /// <summary>The offer waiting for an answer, if any.</summary>
    public Offer? PendingOffer => _offers.Count > 0 && _offers[^1].Status == OfferStatus.Pending ? _offers[^1] : null;

    /// <summary>Every shipment, oldest first.</summary>
    public IReadOnlyList<Shipment> Shipments => _shipments;

    /// <summary>The latest shipment of goods back to the seller.</summary>
    public Shipment? ReturnShipment => _shipments.LastOrDefault(s => s.Purpose == ShipmentPurpose.Return);

    /// <summary>The seller's report on the returned goods, once received.</summary>
    public ConditionReport? ReceiptReport { get; private set; }

    /// <summary>The refund the seller still offers after reporting the item not intact, or the value of the units received when fewer came back.</summary>
    public Amount? RefundAfterProblemReport => ReceiptReport is { } report && (!report.IsIntact || IsPartial(report))
        ? report.ProposedRefund ?? Amount.Min(AgreedRefund ?? FullRefundAmount, ReceivedValue(report))
        : null;

    /// <summary>The last rejection by the seller.</summary>
    public RejectionReason? LastRejection { get; private set; }

    /// <summary>The refund, once requested.</summary>
    public RefundRecord? Refund { get; private set; }

    /// <summary>The repair side, for repair requests (and requests that became repairs).</summary>
    public RepairFile? RepairFile { get; private set; }

    /// <summary>The current arbitration round, if the dispute was ever escalated.</summary>
    public ArbitrationFile? Arbitration => _arbitrations.Count == 0 ? null : _arbitrations[^1];

    /// <summary>Every arbitration round, oldest first.</summary>
    public IReadOnlyList<ArbitrationFile> ArbitrationRounds => _arbitrations;

    /// <summary>Evidence submitted by the parties, oldest first.</summary>
    public IReadOnlyList<EvidenceItem> Evidence => _evidence;

    /// <summary>Messages on the case, oldest first.</summary>
    public IReadOnlyList<CaseMessage> Messages => _messages;

    /// <summary>The buyer's rating, once given.</summary>
    public Rating? Rating { get; private set; }

    /// <summary>What this dispute contributes to the store's scorecard.</summary>
    public ScorecardInputs Scorecard { get; private set; }

    /// <summary>Every event, oldest first. The buyer's progress view.</summary>
    public IReadOnlyList<DisputeEvent> Timeline => _timeline;

    /// <summary>
    /// The service center that repairs the line's item: the one of the brand warranty frozen with the
    /// policy, or null when the item's brand has no warranty service on the platform (then no repair can
    /// be opened, offered or ruled).
    /// </summary>
    public string? ServiceCenterId => Policy.Warranty?.ServiceCenterId is { } id && !string.IsNullOrWhiteSpace(id) ? id : null;

    /// <summary>The flow definition the dispute follows.</summary>
    public FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext> Flow => _flow;

    /// <summary>The seller's window to answer: the repair review in business days, or the response window before or after shipment.</summary>
    public DeadlineSpan SellerResponseWindow => Kind == RequestKind.Repair ? Policy.RepairReview : Policy.SellerResponse(OrderShipped);

    /// <summary>
    /// For an exchange, the variant the buyer gets instead of the same item (asked for at opening or in a counter-offer,
    /// or offered by the seller and accepted); null for the same item.
    /// </summary>
    public ProductVariant? ExchangeVariant { get; private set; }

    /// <summary>
    /// What the exchanged variant costs more (positive, which the buyer pays) or less (negative, which is refunded
    /// once the replacement is confirmed) than the item, for the units exchanged; null without a variant.
    /// </summary>
    public Amount? PriceDifference => ExchangeVariant is { } variant && Lines[0] is { UnitPrice: { } unitPrice, Units: { } units }
        ? (variant.UnitPrice - unitPrice) * units
        : null;

    /// <summary>Whether an accepted repair fee is charged through the platform's payment service before the repair.</summary>
    public bool ChargesFees { get; }

    /// <summary>The repair fees charged (or being charged), oldest first.</summary>
    public IReadOnlyList<ChargeRecord> Charges => _charges;

    /// <summary>The latest repair fee charge, if any.</summary>
    public ChargeRecord? Charge => _charges.Count == 0 ? null : _charges[^1];

    /// <summary>Whether a repair is done on site (the line came with on-site service and the brand warranty offers it) rather than shipped in.</summary>
    public bool OnSiteService { get; }

    /// <summary>
    /// Who pays for sending the goods back: the ruling's payer once there is a ruling, otherwise the policy's, as the
    /// eligibility decision recorded it (the buyer for no-reason returns under the China pack, the seller for faults).
    /// </summary>
    public ShippingPayer ReturnShippingPayer => Arbitration?.CurrentRuling?.Terms.ReturnShippingPayer ?? Eligibility.ReturnShippingPayer;

    /// <summary>The seller's window to confirm a return: longer for surface mail.</summary>
    public DeadlineSpan ReceiptConfirmationWindow => ReturnShipment?.Details.Method == ShippingMethod.Surface
        ? Policy.Windows.ReceiptConfirmationSurface
        : Policy.Windows.ReceiptConfirmationExpress;

    /// <summary>
    /// Opens a request on an order line: checks that the buyer owns the order, that no other request
    /// is open on the line, the amount against what the order has left to refund, and eligibility
    /// under <paramref name="policy"/>, which the dispute then freezes.
    /// </summary>
    /// <param name="request">What the buyer submits.</param>
    /// <param name="refunds">The order and what its other disputes refunded.</param>
    /// <param name="policy">The effective policy for the order's store and region.</param>
    /// <param name="now">When the request is opened.</param>
    /// <param name="files">The uploaded files the request names, as the platform checked them (their hashes go into the opening event).</param>
    public static OpenOutcome Open(OpenDisputeRequest request, OrderRefunds refunds, EffectivePolicy policy, DateTimeOffset now,
        IReadOnlyList<AttachedFile>? files = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refunds);
        ArgumentNullException.ThrowIfNull(policy);
        var order = refunds.Order;
        if (policy.StoreId != order.StoreId)
        {
            throw new ArgumentException($"The policy is store {policy.StoreId}'s, but order {order.OrderId} is from store {order.StoreId}.", nameof(policy));
        }

        if (request.BuyerId != order.BuyerId)
        {
            return OpenOutcome.Refused(DisputeRefusalCode.NotAParty, Say("Open.NotTheBuyer", order.OrderId, request.BuyerId));
        }

        if (ValidateOpen(request, order) is { } invalid)
        {
            return OpenOutcome.Refused(DisputeRefusalCode.InvalidInput, invalid);
        }

        var lines = RequestLines(request, order);
        if (lines.Find(l => l.Units > refunds.AvailableUnits(l.LineId)) is { LineId: not null } held)
        {
            var holders = string.Join(", ", refunds.OpenDisputesOn(held.LineId).Select(d => d.Id));
            var free = refunds.AvailableUnits(held.LineId);
            return OpenOutcome.Refused(DisputeRefusalCode.LineAlreadyDisputed, free == 0
                ? Say("Open.LineHeld", holders, held.LineId)
                : Say("Open.UnitsHeld", free, held.LineId, holders));
        }

        List<DisputedLine> disputed = [.. lines.Select(l => new DisputedLine(l.LineId, l.Units, LineCeiling(refunds, order.Line(l.LineId)!, l.Units), l.GiftFor,
            order.Line(l.LineId)!.UnitPrice))];
        var itemCeiling = disputed.Aggregate(Amount.Zero(order.Currency), (sum, l) => sum + l.Ceiling);
        var shippingCeiling = request.ClaimsShipping ? refunds.RemainingShipping : Amount.Zero(order.Currency);
        if (request.ClaimsShipping && !shippingCeiling.IsPositive)
        {
            return OpenOutcome.Refused(DisputeRefusalCode.OverRefund, Say("Open.ShippingClaimed"));
        }

        if (request.RequestedRefund is { } asked && asked > itemCeiling + shippingCeiling)
        {
            return OpenOutcome.Refused(DisputeRefusalCode.OverRefund, disputed.Count(l => l.GiftFor is null) > 1
                ? Say("Open.OverRefund.Lines", asked, itemCeiling + shippingCeiling)
                : Say("Open.OverRefund.Line", asked, itemCeiling + shippingCeiling, request.LineId));
        }

        var eligibility = Policies.Eligibility.Evaluate(
            new EligibilityQuery(order, request.LineId, request.Kind, request.Reason, request.Condition, request.FaultCause,
                HasProofOfPurchase: request.Repair?.ProofOfPurchaseId is not null, request.IncludedLineIds, request.Repair?.SerialNumber,
                request.Quantity, request.OtherLines),
            policy,
            now);
        if (!eligibility.IsEligible)
        {
            return new OpenOutcome(null, new DisputeRefusal(DisputeRefusalCode.NotEligible,
                Say("Open.NotEligible", string.Join(Say("List.Sentences"), eligibility.Failures.Select(f => f.ReasonIn(CultureInfo.CurrentUICulture)))), []), eligibility);
        }

        var flow = DisputeFlows.For(request.Kind);
        var opened = new DisputeOpened(request, order.OrderId, order.StoreId, order.ShippedAt is not null, policy, eligibility,
            itemCeiling, shippingCeiling, flow.Id, flow.Version, disputed,
            OnSiteService: order.Line(request.LineId) is { OnSiteService: true } && policy.Warranty is { OnSiteServiceAvailable: true, ServiceCenterId: { Length: > 0 } },
            ChargesFees: true)
        {
            Files = files is { Count: > 0 } ? files : null,
        };
        return new OpenOutcome(new Dispute(opened, now), null, eligibility);
    }

    // The request's lines with their units: the line asked about, the other lines, and the free gifts that
    // come back with them, a gift's units in proportion to its item's (2 of 3 mice bring back 2 of 3 mouse pads).
    private static List<(string LineId, int Units, string? GiftFor)> RequestLines(OpenDisputeRequest request, Order order)
    {
        if (order.Line(request.LineId) is not { } main)
        {
            return []; // eligibility refuses it: the order has no such line
        }

        List<(string LineId, int Units, string? GiftFor)> lines =
        [
            (main.LineId, request.Quantity ?? (request.Kind == RequestKind.Repair ? 1 : main.Quantity), null),
            .. (request.OtherLines ?? []).Select(l => (l.LineId, l.Quantity, (string?)null)),
        ];
        foreach (var giftId in request.IncludedLineIds ?? [])
        {
            var gift = order.Line(giftId)!;
            var item = lines.FirstOrDefault(l => l.LineId == gift.GiftForLineId);
            var units = item.LineId is null ? gift.Quantity : GiftUnits(gift, order.Line(item.LineId)!, item.Units);
            lines.Add((giftId, units, gift.GiftForLineId));
        }

        return lines;
    }

    /// <summary>The units of a free gift that come back with <paramref name="units"/> of its item: in proportion, rounded up.</summary>
    internal static int GiftUnits(OrderLine gift, OrderLine item, int units) =>
        (int)Math.Min(gift.Quantity, ((long)gift.Quantity * units + item.Quantity - 1) / item.Quantity);

    // The units' share of what was paid for the line (rounded down), within what the line has left after other refunds.
    private static Amount LineCeiling(OrderRefunds refunds, OrderLine line, int units)
    {
        var share = units >= line.Quantity ? line.Paid : new Amount(line.Paid.MinorUnits * units / line.Quantity, line.Paid.Currency);
        return Amount.Max(Amount.Zero(line.Paid.Currency), Amount.Min(share, refunds.RemainingOnLine(line.LineId)));
    }

    /// <summary>
    /// Rebuilds a dispute from its timeline by re-applying every event through the same intent logic.
    /// </summary>
    /// <exception cref="InvalidOperationException">The timeline does not start with an opening, or an event does not re-apply as recorded.</exception>
    public static Dispute Rebuild(IEnumerable<DisputeEvent> timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        Dispute? dispute = null;
        foreach (var recorded in timeline)
        {
            if (dispute is null)
            {
                if (recorded is not { Action: DisputeAction.Open, Data: DisputeOpened opened })
                {
                    throw new InvalidOperationException("A timeline starts with the opening of the dispute.");
                }

                dispute = new Dispute(opened, recorded.At);
                continue;
            }

            var replayed = recorded.Data is { } data
                ? data.ApplyTo(dispute, recorded.Actor, recorded.Action, recorded.At)
                : dispute.Apply<DisputeEventData>(recorded.Actor, recorded.Action, null, recorded.At);
            if (replayed.Event?.Sequence != recorded.Sequence || replayed.Event.To != recorded.To)
            {
                throw new InvalidOperationException(
                    $"Event {recorded.Sequence} ({recorded.Action} by {recorded.Party}) of dispute {recorded.DisputeId} does not re-apply: {replayed.Refusal?.Message ?? $"it leads to {replayed.Event?.To}"}.");
            }
        }

        DisputeMetrics.Rebuilt.Add(1);
        return dispute ?? throw new InvalidOperationException("A timeline starts with the opening of the dispute.");
    }

    /// <summary>
    /// For every action of the flow, whether <paramref name="actor"/> may take it now and if not, why.
    /// A non-party may take none.
    /// </summary>
    public IReadOnlyList<ActionAvailability<DisputeState, DisputeAction, Party>> Explain(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (NotAParty(actor) is not null)
        {
            return [];
        }

        var explained = _flow.Explain(State, actor.Party, new DisputeContext(this, actor, now));
        return IsFullFor(actor)
            ? [.. explained.Select(a => a.IsAllowed ? a with { Refusal = new(a.Action, State, actor.Party, RefusalReason.GuardFailed, _flow.PartiesFor(a.Action), s_roomLeft) } : a)]
            : explained;
    }

    /// <summary>The actions <paramref name="actor"/> may take now; none for a non-party.</summary>
    public IReadOnlyList<DisputeAction> AllowedActions(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (NotAParty(actor) is not null || IsFullFor(actor))
        {
            return [];
        }

        var permitted = _flow.PermittedActions(State, actor.Party, new DisputeContext(this, actor, now));

        // The system's answers to deadlines are taken by ExpireDeadline when due, never on request.
        return actor.Party == Party.System ? [.. permitted.Where(a => !s_deadlineAnswers.Value.Contains(a))] : permitted;
    }

    /// <summary>
    /// Lets the system take the live deadline's default outcome, when it is due at <paramref name="now"/>.
    /// Refused (and nothing changes) when no deadline is due, so a late or repeated call fires nothing twice.
    /// </summary>
    public DisputeResult ExpireDeadline(DateTimeOffset now)
    {
        if (Deadline is not { } deadline || !deadline.IsDueAt(now))
        {
            return Refuse(DisputeRefusalCode.NotAllowed, Say("Refusal.NoDeadlineDue", State), Actor.System, now);
        }

        return Apply<DisputeEventData>(Actor.System, deadline.ExpiresWith, null, now);
    }

    /// <summary>
    /// Takes any action by its name with its details: what every intent method does, for callers that
    /// read the action from data (an API route, a queue message). Details of the wrong type, or missing,
    /// are refused as invalid input. When the action completes a step (both parties submitted evidence,
    /// both accepted the ruling), the system's follow-up is appended as its own event.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="action">What they do.</param>
    /// <param name="details">The details the action takes (<see cref="DisputeActionInfo.ArgumentType"/>), or null when it takes none.</param>
    /// <param name="now">When.</param>
    public DisputeResult Take(Actor actor, DisputeAction action, DisputeEventData? details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor == Actor.System && s_deadlineAnswers.Value.Contains(action))
        {
            // Else the system could auto-approve before the seller's window ended.
            return Refuse(DisputeRefusalCode.NotAllowed, Say("Refusal.SystemWaitsForDeadline", action), actor, now);
        }

        if (IsFullFor(actor) && NotAParty(actor) is null)
        {
            return Refuse(DisputeRefusalCode.NotAllowed, Say("Refusal.CaseFull", action, State, MaxPartyEvents), actor, now);
        }

        var taken = details is null ? Apply<DisputeEventData>(actor, action, null, now) : details.ApplyTo(this, actor, action, now);
        if (taken.Succeeded && Declarations[action].FollowUp?.Invoke(this) is { } followUp)
        {
            Apply<DisputeEventData>(Actor.System, followUp, null, now);
        }

        return taken;
    }

    /// <summary>
    /// Takes one action: checks the actor, the details and the flow, then changes the dispute and
    /// appends the event. <see cref="Take"/> and <see cref="Rebuild"/> both come through here.
    /// </summary>
    internal DisputeResult Apply<TData>(Actor actor, DisputeAction action, TData? data, DateTimeOffset now)
        where TData : DisputeEventData
    {
        if (NotAParty(actor) is { } notAParty)
        {
            return DisputeResult.Refused(notAParty);
        }

        if (!Declarations.TryGetValue(action, out var declaration))
        {
            return Refuse(DisputeRefusalCode.NotAllowed, Say("Refusal.NotAnAction", action), actor, now);
        }

        if (CheckDetails(declaration, data, now) is { } invalid)
        {
            return Refuse(invalid.Code, invalid.Message, actor, now);
        }

        var context = new DisputeContext(this, actor, now);
        var fired = data is null
            ? _flow.Fire(State, Deadline, action, actor.Party, context, now)
            : _flow.Fire(State, Deadline, action, actor.Party, context, data, now);
        if (!fired.IsAccepted)
        {
            return Refuse(DisputeRefusalCode.NotAllowed, DisputeTexts.Sentence(fired.Refusal), actor, now);
        }

        var transition = fired.Transition;
        if (actor.Party == Party.Seller && Scorecard.FirstSellerResponseAt is null)
        {
            Scorecard = Scorecard with { FirstSellerResponseAt = now };
        }

        // Recorded before the state changes: an effect may read the step the action was taken in.
        declaration.Record?.Invoke(this, new ActionTaken(actor, action, data, Deadline, now));
        if (declaration.SellerSilence)
        {
            CountSellerSilence(now);
        }

        State = transition.To;
        if (!transition.IsInternal)
        {
            // Started after the record, not taken from the transition: a window may depend on what the
            // action recorded (a return sent by surface mail gets the longer receipt window).
            Deadline = _flow.StartDeadline(State, context, now);
            foreach (var entered in s_entryEffects.GetValueOrDefault(State, []))
            {
                entered(this, transition);
            }

            if (State == DisputeState.Closed)
            {
                Closure = declaration.Closes ?? throw new InvalidOperationException($"{action} closed the dispute, but its declaration names no closure reason.");
                Scorecard = Scorecard with { ClosedAt = now, Closure = Closure };
            }
        }

        Version++;
        UpdatedAt = now;
        var appended = new DisputeEvent(Id, Version, now, actor.Party, actor.Id, action, transition.From, transition.To, data);
        _timeline.Add(appended);
        return DisputeResult.Accepted(appended);
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may see this dispute: its buyer, its store, the service center
    /// it is routed to, any arbitrator once the platform has it (escalated, or its refund in the
    /// platform's queue), and the system. The API applies this rule to every read, and the parties who may
    /// act are exactly those who may see.
    /// </summary>
    public bool IsVisibleTo(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return NotAParty(actor) is null;
    }

    private static readonly string s_roomLeft = $"the case holds fewer than {MaxPartyEvents} events";

    // Only the parties are stopped; the system's deadlines and port answers go on. Replay does not come through here.
    private bool IsFullFor(Actor actor) => actor.Party != Party.System && _timeline.Count >= MaxPartyEvents;

    private DisputeRefusal? NotAParty(Actor actor) => actor.Party switch
    {
        Party.Buyer when actor.Id != BuyerId => new(DisputeRefusalCode.NotAParty, Say("NotAParty.Buyer"), []),
        Party.Seller when actor.Id != StoreId => new(DisputeRefusalCode.NotAParty, Say("NotAParty.Seller"), []),
        Party.ServiceCenter when RepairFile?.ServiceCenterId != actor.Id =>
            new(DisputeRefusalCode.NotAParty, Say("NotAParty.ServiceCenter"), []),
        Party.Arbitrator when Arbitration is null && State is not (DisputeState.RefundFailed or DisputeState.RefundEscalated) =>
            new(DisputeRefusalCode.NotAParty, Say("NotAParty.Arbitrator"), []),
        Party.System when actor != Actor.System => new(DisputeRefusalCode.NotAParty, Say("NotAParty.System"), []),
        Party.Buyer or Party.Seller or Party.Arbitrator or Party.ServiceCenter or Party.System => null,
        _ => new(DisputeRefusalCode.NotAParty, Say("NotAParty.Unknown"), []),
    };

    private static string? ValidateOpen(OpenDisputeRequest request, Order order)
    {
        if (string.IsNullOrWhiteSpace(request.DisputeId))
        {
            return Say("Open.NeedsId");
        }

        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > MaxTextLength)
        {
            return Say("Open.Description", MaxTextLength);
        }

        var paysMoney = request.Kind is RequestKind.RefundOnly or RequestKind.ReturnAndRefund;
        if (paysMoney && request.RequestedRefund is not { IsPositive: true })
        {
            return Say("Open.NeedsRefund", request.Kind);
        }

        if (!paysMoney && request.RequestedRefund is not null)
        {
            return Say("Open.NoRefund", request.Kind);
        }

        if (request.RequestedRefund is { } asked && asked.Currency != order.Currency)
        {
            return Say("Open.RefundCurrency", asked.Currency, order.OrderId, order.Currency);
        }

        if (request.Kind == RequestKind.Repair && request.Repair is not { } repair)
        {
            return Say("Open.NeedsRepairApplication");
        }

        if (request.Repair is { } application && (Blank(application.Model) || Blank(application.SerialNumber) || Blank(application.FaultCode) || Blank(application.FaultDescription)))
        {
            return Say("Open.RepairApplication");
        }

        if ((request.IncludedLineIds ?? []).FirstOrDefault(id => order.Line(id) is null || id == request.LineId) is { } unknown)
        {
            return Say("Open.IncludedLine", unknown, request.LineId);
        }

        return ValidateQuantities(request, order) ?? (request.Variant is { } variant
            ? request.Kind != RequestKind.Exchange ? Say("Open.VariantOnlyForExchange")
                : order.Line(request.LineId) is { } line ? ValidateVariant(variant, line.Sku, line.UnitPrice) : null
            : null);
    }

    // A variant of the same product: a cheaper one's difference is refunded, a dearer one's charged to the buyer.
    private static string? ValidateVariant(ProductVariant variant, string itemSku, Amount itemPrice) =>
        Blank(variant.Sku) || Blank(variant.Description) ? Say("Variant.Incomplete")
        : string.Equals(variant.Sku.Trim(), itemSku, StringComparison.OrdinalIgnoreCase) ? Say("Variant.Same", variant.Sku)
        : variant.UnitPrice.Currency != itemPrice.Currency ? Say("Variant.Currency", variant.UnitPrice.Currency, itemPrice.Currency)
        : variant.UnitPrice.IsNegative ? Say("Variant.NegativePrice")
        : null;

    private static string? ValidateQuantities(OpenDisputeRequest request, Order order)
    {
        var others = request.OtherLines ?? [];
        if (request.Kind == RequestKind.Repair && (others.Count > 0 || request.Quantity is > 1))
        {
            return Say("Open.RepairOneDevice");
        }

        if (order.Line(request.LineId) is { } main && request.Quantity is { } units && (units < 1 || units > main.Quantity))
        {
            return Say("Open.Units", main.LineId, main.Quantity);
        }

        foreach (var other in others)
        {
            var line = order.Line(other?.LineId ?? "");
            var problem = other is null || line is null ? Say("Open.NoSuchLine", order.OrderId, other?.LineId)
                : other.LineId == request.LineId || others.Count(o => o?.LineId == other.LineId) > 1 || (request.IncludedLineIds ?? []).Contains(other.LineId)
                    ? Say("Open.LineTwice", other.LineId)
                : line.GiftForLineId is not null ? Say("Open.GiftLine", other.LineId)
                : other.Quantity < 1 || other.Quantity > line.Quantity ? Say("Open.Units", line.LineId, line.Quantity)
                : null;
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private DisputeResult Refuse(DisputeRefusalCode code, string message, Actor actor, DateTimeOffset now) =>
        DisputeResult.Refused(new DisputeRefusal(code, message, AllowedActions(actor, now)));

    private Problem? CheckDetails(ActionDeclaration declaration, DisputeEventData? data, DateTimeOffset now)
    {
        if (declaration.ArgumentType != data?.GetType())
        {
            return Invalid(declaration.ArgumentType is null
                ? Say("Invalid.NoDetails", declaration.Action)
                : Say("Invalid.DetailsType", declaration.Action, declaration.ArgumentType.Name));
        }

        return data is null ? null : declaration.Validate?.Invoke(this, data, now);
    }

    private static Problem Invalid(string message) => new(DisputeRefusalCode.InvalidInput, message);

    // A text for the party, in the request's language (DisputeTexts).
    private static string Say(string key, params object?[] args) => DisputeTexts.Format(key, args);


    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}

/// <summary>The answer to <see cref="Dispute.Open"/>: the new dispute, or why it was refused, and the eligibility decision when it was evaluated.</summary>
/// <param name="Dispute">The opened dispute.</param>
/// <param name="Refusal">Why it was not opened.</param>
/// <param name="Eligibility">The eligibility decision, when evaluated.</param>
public sealed record OpenOutcome(Dispute? Dispute, DisputeRefusal? Refusal, EligibilityDecision? Eligibility)
{
    /// <summary>True when the dispute was opened.</summary>
    public bool Succeeded => Dispute is not null;

    internal static OpenOutcome Refused(DisputeRefusalCode code, string message) => new(null, new DisputeRefusal(code, message, []), null);
}
