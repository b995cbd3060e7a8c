using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Soundness;

/// <summary>
/// A real <see cref="Dispute"/> under exploration, with the other disputes of its order (closed before it
/// opened) for the money check. Moves go through the aggregate's public intent methods, the calls the
/// handlers make; copies are rebuilt from the timeline.
/// </summary>
public sealed class DisputeSubject : IExplorationSubject<DisputeSubject>
{
    // Every span a silent path can wait out, each at most once; business days get two weeks of slack for
    // weekends and holidays.
    private static readonly TimeSpan s_businessDaySlack = TimeSpan.FromDays(14);
    private static readonly ConditionalWeakTable<DisputeEventData, DisputeEventData> s_stored = [];

    private readonly Order _order;
    private readonly IReadOnlyList<Dispute> _others;
    private readonly IReadOnlyList<Actor> _actors;
    private readonly IReadOnlyList<Actor> _strangers;
    private readonly Dictionary<Actor, IReadOnlyList<DisputeAction>> _menus = [];

    /// <summary>Starts exploring <paramref name="dispute"/>, opened on <paramref name="order"/> after <paramref name="others"/>.</summary>
    public DisputeSubject(string scenario, Order order, Dispute dispute, IReadOnlyList<Dispute> others, DateTimeOffset now)
        : this(scenario, order, dispute, others, now, PartiesOf(dispute), StrangersTo(dispute))
    {
    }

    private DisputeSubject(string scenario, Order order, Dispute dispute, IReadOnlyList<Dispute> others, DateTimeOffset now,
        IReadOnlyList<Actor> actors, IReadOnlyList<Actor> strangers)
    {
        Scenario = scenario;
        _order = order;
        Dispute = dispute;
        _others = others;
        Now = now;
        _actors = actors;
        _strangers = strangers;
    }

    /// <summary>The scenario's name.</summary>
    public string Scenario { get; }

    /// <summary>The dispute explored.</summary>
    public Dispute Dispute { get; private set; }

    /// <summary>The subject's clock: moves happen now; a deadline's expiry moves it to the deadline.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <inheritdoc/>
    public string Kind => Dispute.Kind.ToString();

    /// <inheritdoc/>
    public bool IsFinished => Dispute.Flow.IsTerminal(Dispute.State);

    /// <inheritdoc/>
    public TimeSpan SilenceBound
    {
        get
        {
            var windows = Dispute.Policy.Windows;
            var spans = typeof(PolicyWindows).GetProperties()
                .Where(p => p.PropertyType == typeof(DeadlineSpan))
                .Sum(p => ((DeadlineSpan)p.GetValue(windows)!).Length.Ticks);
            var refundRetries = Enumerable.Range(1, windows.RefundAttempts).Sum(attempt => windows.RefundBackoff(attempt).Length.Ticks);
            return TimeSpan.FromTicks(spans + refundRetries) + TimeSpan.FromDays(windows.RepairReviewBusinessDays) + s_businessDaySlack;
        }
    }

    /// <inheritdoc/>
    public string Key
    {
        get
        {
            var d = Dispute;
            var key = new StringBuilder(256);
            key.Append(CultureInfo.InvariantCulture, $"{d.State}|{d.Remedy}|{d.AgreedRefund}|{d.RequestedRefund}|{d.Deadline?.ExpiresWith}{(d.Deadline?.IsPaused == true ? "~" : "")}");
            key.Append(CultureInfo.InvariantCulture, $"|offers {Math.Min(d.Offers.Count, 3)} {d.PendingOffer?.By} {d.PendingOffer?.Terms.Remedy} {d.PendingOffer?.Terms.Refund}");
            key.Append(CultureInfo.InvariantCulture, $" declined {d.Offers.Any(o => o.By == Party.Seller && o.Status == OfferStatus.Declined)}|rejected {d.LastRejection is not null}");
            key.Append(CultureInfo.InvariantCulture, $"|receipt {d.ReceiptReport?.IsIntact} {d.ReceiptReport?.ProposedRefund}|ship {d.Shipments.Count} {d.ReturnShipment?.Details.Method}");
            key.Append(CultureInfo.InvariantCulture, $"|refund {d.Refund?.Status} {d.Refund?.Amount} {Math.Min(d.Refund?.Attempts ?? 0, d.Policy.Windows.RefundAttempts + 1)}");
            if (d.RepairFile is { } repair)
            {
                key.Append(CultureInfo.InvariantCulture, $"|repair {repair.Diagnosis?.Covered} {repair.QuoteDeclined} {Math.Min(repair.Repairs.Count, 3)} {string.Join(',', repair.FailedRepairs.OrderBy(f => f.Key, StringComparer.Ordinal))}");
            }

            if (d.Arbitration is { } a)
            {
                // Arbitrators are interchangeable: what matters is who is the same person as whom.
                var arbitrators = new List<string?>();
                string Who(string? id)
                {
                    if (id is null)
                    {
                        return "-";
                    }

                    if (!arbitrators.Contains(id))
                    {
                        arbitrators.Add(id);
                    }

                    return ((char)('A' + arbitrators.IndexOf(id))).ToString();
                }

                key.Append(CultureInfo.InvariantCulture, $"|arb {d.ArbitrationRounds.Count} {a.EscalatedBy} {a.EvidenceFrom} {Who(a.ArbitratorId)} {a.PendingRequest?.From} {a.PausedEvidenceWindow is not null}");
                key.Append(CultureInfo.InvariantCulture, $" {string.Join(',', a.Rulings.Select(r => $"{r.Terms.Outcome}/{Who(r.ArbitratorId)}/{r.OnAppeal}"))} {string.Join(',', a.Appeals.Select(p => p.By))} {a.AcceptedBy} {Who(a.ReviewerId)} false:{a.FoundFalse}");
            }

            key.Append(CultureInfo.InvariantCulture, $"|rated {d.Rating is not null}|{d.Closure}");
            return key.ToString();
        }
    }

    /// <inheritdoc/>
    public DisputeSubject Copy() => new(Scenario, _order, Dispute.Rebuild(Dispute.Timeline), _others, Now, _actors, _strangers);

    /// <inheritdoc/>
    public IReadOnlyList<Move> Moves() => DisputeMoves.For(Dispute, _actors, _strangers, Menu);

    /// <inheritdoc/>
    public bool IsListed(Move move)
    {
        ArgumentNullException.ThrowIfNull(move);
        var call = (DisputeCall)move.Token!;

        // The system's menu lists what it may be asked to do; a deadline's answer is on offer while the deadline is live.
        return move.Action == nameof(Dispute.ExpireDeadline)
            ? Dispute.Deadline is { IsPaused: false } deadline && deadline.ExpiresWith == call.Action
            : Menu(call.Actor).Contains(call.Action);
    }

    /// <inheritdoc/>
    public bool Take(Move move)
    {
        ArgumentNullException.ThrowIfNull(move);
        var call = (DisputeCall)move.Token!;
        var result = call.Run(Dispute, Now);
        if (result.Succeeded)
        {
            _menus.Clear();
            if (result.Event!.At > Now)
            {
                Now = result.Event.At; // a deadline's expiry: the clock moved to it
            }
        }

        return result.Succeeded;
    }

    /// <inheritdoc/>
    public string Snapshot() => Snapshot(Dispute);

    /// <inheritdoc/>
    public (string Step, TimeSpan Elapsed)? Silence()
    {
        var before = Now;
        if (Dispute.State == DisputeState.Refunding)
        {
            // The refund gateway is a port, not a person: the outbox asks it until it answers.
            _menus.Clear();
            return Dispute.RecordRefundSuccess(new RefundResult("gw-silent"), Now).Succeeded ? ("the gateway pays the refund", TimeSpan.Zero) : ("the gateway's answer is REFUSED", TimeSpan.Zero);
        }

        if (Dispute.Deadline is not { IsPaused: false } deadline)
        {
            return null;
        }

        Now = Now > deadline.DueAt ? Now : deadline.DueAt;
        var expired = Dispute.ExpireDeadline(Now);
        _menus.Clear();
        return (expired.Succeeded ? $"{Dispute.Timeline[^1].Action} after {(Now - before).TotalDays:0.#} d" : $"{deadline.ExpiresWith} REFUSED ({expired.Refusal!.Message})", Now - before);
    }

    /// <inheritdoc/>
    public IEnumerable<(Property Property, string Detail)> Check()
    {
        foreach (var money in Money())
        {
            yield return (Property.Money, money);
        }

        if (Replayed() != Snapshot())
        {
            yield return (Property.Replay, $"the rebuilt case differs from the live one in state {Dispute.State}");
        }

        foreach (var penalty in Penalties())
        {
            yield return (Property.Penalties, penalty);
        }

        foreach (var actor in _actors.Concat(_strangers).Where(a => a.Party != Party.System))
        {
            if (Menu(actor).Count > 0 && !Dispute.IsVisibleTo(actor))
            {
                yield return (Property.Visibility, $"{actor} can act but cannot see the case in state {Dispute.State}");
            }

            if (_strangers.Contains(actor) && Dispute.IsVisibleTo(actor))
            {
                yield return (Property.Visibility, $"{actor}, a stranger to the case, can see it in state {Dispute.State}");
            }
        }
    }

    // Each penalty traced to its event; a ruling's only while the ruling stands (an overturn after it takes it away).
    private IEnumerable<string> Penalties()
    {
        var d = Dispute;
        foreach (var penalty in d.Penalties)
        {
            if (penalty.Points <= 0 || penalty.Sequence < 2 || penalty.Sequence > d.Version || penalty.At != d.Timeline[penalty.Sequence - 1].At)
            {
                yield return $"penalty {penalty.Cause} ({penalty.Points}) names no event of the case at {penalty.Sequence}";
                continue;
            }

            var cause = d.Timeline[penalty.Sequence - 1];
            if (penalty.ArbitrationRound is { } round)
            {
                // Its round's ruling was overturned when an overturn follows before a later round's ruling.
                var overturned = d.Timeline.Skip(penalty.Sequence).TakeWhile(e => e.Action != DisputeAction.Rule).Any(e => e.Action == DisputeAction.OverturnRuling);
                if (cause.Action is not (DisputeAction.Rule or DisputeAction.OverturnRuling) || overturned)
                {
                    yield return $"penalty {penalty.Cause} of round {round} stands after {cause.Action} at {penalty.Sequence} though its ruling is not in force";
                }
            }
            else if (penalty.Cause is PenaltyCause.ResponseDeadlineMissed or PenaltyCause.RulingNotCarriedOut && cause.Party != Party.System)
            {
                yield return $"penalty {penalty.Cause} at {penalty.Sequence} was not a deadline deciding ({cause.Action} by {cause.Party})";
            }
            else if (penalty.Cause == PenaltyCause.FalseEvidence && cause.Action != DisputeAction.FindEvidenceFalse)
            {
                yield return $"penalty FalseEvidence at {penalty.Sequence} was caused by {cause.Action}";
            }
        }

        if (d.Scorecard.PenaltyPoints != d.Penalties.Sum(p => p.Points))
        {
            yield return $"the scorecard counts {d.Scorecard.PenaltyPoints} points, the penalties {d.Penalties.Sum(p => p.Points)}";
        }
    }

    private IReadOnlyList<DisputeAction> Menu(Actor actor)
    {
        if (!_menus.TryGetValue(actor, out var menu))
        {
            menu = Dispute.AllowedActions(actor, Now);
            _menus[actor] = menu;
        }

        return menu;
    }

    private IEnumerable<string> Money()
    {
        var all = _others.Append(Dispute).ToList();
        var zero = Amount.Zero(_order.Currency);
        Amount Sum(IEnumerable<Amount> amounts) => amounts.Aggregate(zero, (sum, a) => sum + a);
        foreach (var line in _order.Lines)
        {
            var committed = Sum(all.Select(d => d.RefundedOn(line.LineId)).OfType<Amount>());
            if (committed > line.Paid)
            {
                yield return $"line {line.LineId}: {committed} refunded or pending, {line.Paid} paid";
            }

            var held = all.Where(d => !d.IsClosed).Sum(d => Math.Min(d.UnitsOn(line.LineId), line.Quantity));
            if (held > line.Quantity)
            {
                yield return $"line {line.LineId}: open requests hold {held} units of {line.Quantity}";
            }
        }

        if (Dispute.Refund is { } refund)
        {
            if (Sum(refund.Lines.Select(l => l.Amount)) != refund.ItemPart)
            {
                yield return $"refund: its lines share {Sum(refund.Lines.Select(l => l.Amount))}, its item part is {refund.ItemPart}";
            }

            foreach (var (part, line) in refund.Lines.Zip(Dispute.Lines))
            {
                if (part.Amount > line.Ceiling || part.Amount.IsNegative)
                {
                    yield return $"refund: {part.Amount} for line {line.LineId}, whose ceiling is {line.Ceiling}";
                }
            }
        }

        var shipping = Sum(all.Where(d => d.Refund is not null).Select(d => d.Refund!.ShippingPart));
        if (shipping > _order.ShippingPaid)
        {
            yield return $"shipping: {shipping} refunded or pending, {_order.ShippingPaid} paid";
        }

        // Reimbursed return postage is not a refund of what was paid: it is counted apart, within the store's cap.
        var total = Sum(all.Where(d => d.Refund is not null).Select(d => d.Refund!.Amount - (d.Refund.ReturnPostage ?? zero)));
        if (total > _order.TotalPaid)
        {
            yield return $"order: {total} refunded or pending, {_order.TotalPaid} paid";
        }

        if (Dispute.Refund is { } paid)
        {
            if (paid.ReturnPostage is { IsPositive: true } reimbursed && reimbursed > (Dispute.Policy.ReturnPostageCap ?? zero))
            {
                yield return $"return postage: {reimbursed} reimbursed, above the store's cap {Dispute.Policy.ReturnPostageCap}";
            }

            if (!paid.Amount.IsPositive || paid.Amount != paid.ItemPart + paid.ShippingPart + (paid.ReturnPostage ?? zero))
            {
                yield return $"refund: {paid.Amount} is not its item part {paid.ItemPart}, shipping {paid.ShippingPart} and postage {paid.ReturnPostage}";
            }
        }

        if (Dispute.AgreedRefund is { } agreed && agreed > Dispute.Ceiling)
        {
            yield return $"agreed refund: {agreed} above the ceiling {Dispute.Ceiling}";
        }
    }

    // The timeline as the store keeps it: each event's details through their JSON form, then rebuilt. Copies
    // share their events' details, so each is read back from JSON once.
    private string Replayed()
    {
        var stored = Dispute.Timeline.Select(e => e with { Data = e.Data is null ? null : s_stored.GetValue(e.Data, data => DisputeJson.Deserialize(DisputeJson.Serialize(data))) });
        return Snapshot(Dispute.Rebuild(stored));
    }

    private static string Snapshot(Dispute d) => JsonSerializer.Serialize(new
    {
        d.Id, d.State, d.Version, d.Deadline, d.Remedy, d.AgreedRefund, d.RequestedRefund, d.Offers, d.Shipments, d.ReceiptReport, d.LastRejection,
        d.Refund, d.RepairFile, d.ArbitrationRounds, d.Evidence, d.Messages, d.Rating, d.Scorecard, d.Penalties, d.Closure, d.UpdatedAt,
        Timeline = d.Timeline.Select(e => new { e.Sequence, e.At, e.Party, e.ActorId, e.Action, e.From, e.To }),
    }, DisputeJson.Options);

    private static IReadOnlyList<Actor> PartiesOf(Dispute dispute) =>
    [
        Actor.Buyer(dispute.BuyerId), Actor.Seller(dispute.StoreId), Actor.Arbitrator(Arbitrator), Actor.Arbitrator(SecondArbitrator),
        Actor.ServiceCenter(ServiceCenter), Actor.System,
    ];

    // Another buyer, another store, another service center: they may do nothing, and see nothing.
    private static IReadOnlyList<Actor> StrangersTo(Dispute dispute) =>
        [Actor.Buyer(OtherBuyer), Actor.Seller(dispute.StoreId == Reseller ? Flagship : Reseller), Actor.ServiceCenter("sc-other")];
}
