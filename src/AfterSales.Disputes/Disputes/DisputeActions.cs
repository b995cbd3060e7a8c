using System.Collections.Frozen;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Disputes;

/// <summary>
/// One action as the outside sees it: the details it takes, its route under a dispute, a short summary
/// and the parties the flows let take it. Hosts generate their action endpoints from
/// <see cref="DisputeActions.All"/>, so a new action gets its route, its documentation and its roles from
/// its declaration.
/// </summary>
/// <param name="Action">The action.</param>
/// <param name="ArgumentType">The details it takes (a <see cref="DisputeEventData"/> type), or null for none.</param>
/// <param name="Route">The route segment under a dispute, such as <c>return-shipment</c>; null for the system's own actions.</param>
/// <param name="Summary">What the action does, in a few words (<c>ship the item back</c>).</param>
/// <param name="Parties">Every party that some flow lets take it, in some state.</param>
/// <param name="Example">A valid example of its details (for documentation, generated clients and tests), or null when it takes none.</param>
public sealed record DisputeActionInfo(DisputeAction Action, Type? ArgumentType, string? Route, string Summary, Party Parties, DisputeEventData? Example);

/// <summary>The declared actions: what each takes, where it is routed, who may take it.</summary>
public static class DisputeActions
{
    private static readonly Lazy<FrozenDictionary<DisputeAction, DisputeActionInfo>> s_infos = new(() =>
        Dispute.Declarations.Values.ToFrozenDictionary(d => d.Action, d => new DisputeActionInfo(d.Action, d.ArgumentType, d.Route, d.Summary,
            DisputeFlows.Catalog.All.Aggregate(Party.None, (parties, flow) => parties | flow.PartiesFor(d.Action)), d.Example)));

    /// <summary>Every action a party or the system can take, in the order of <see cref="DisputeAction"/>.</summary>
    public static IReadOnlyList<DisputeActionInfo> All { get; } = [.. Enum.GetValues<DisputeAction>().Where(a => a != DisputeAction.Open).Select(Of)];

    /// <summary>The declaration of <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The action is not declared (<see cref="DisputeAction.Open"/> is not an action on a dispute).</exception>
    public static DisputeActionInfo Of(DisputeAction action) =>
        s_infos.Value.TryGetValue(action, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(action), action, "Not an action on a dispute.");
}

/// <summary>What an accepted action's effect reads: who took it, its details, the deadline before it, and when.</summary>
internal readonly record struct ActionTaken(Actor Actor, DisputeAction Action, DisputeEventData? Argument, Deadline<DisputeAction>? DeadlineBefore, DateTimeOffset At);

/// <summary>
/// One action's declaration: its details type, route and summary, the check of its details, what it
/// records on the dispute, how it closes the case when it does, and the system's follow-up it may
/// trigger, and whether it is the seller's silence deciding (a timeout on the store's scorecard, and penalty points).
/// The flows decide who may take it where; this decides what it means.
/// </summary>
internal sealed record ActionDeclaration(
    DisputeAction Action,
    Type? ArgumentType,
    string? Route,
    string Summary,
    DisputeEventData? Example,
    Func<Dispute, DisputeEventData, DateTimeOffset, Problem?>? Validate,
    Action<Dispute, ActionTaken>? Record,
    ClosureReason? Closes,
    Func<Dispute, DisputeAction?>? FollowUp,
    bool SellerSilence = false);

/// <summary>A refusal of an action's details, before the flow is asked.</summary>
internal readonly record struct Problem(DisputeRefusalCode Code, string Message);

/// <summary>
/// The actions of one concept of the domain (negotiation, returns, refunds, repair, arbitration,
/// conversation) with what entering its states does. <see cref="Dispute"/> merges the tables; an action or
/// a state entry is declared in exactly one of them.
/// </summary>
internal sealed class ActionTable
{
    private readonly List<ActionDeclaration> _actions = [];
    private readonly List<(DisputeState State, Action<Dispute, Transition<DisputeState, DisputeAction, Party>> Effect)> _entries = [];

    public IReadOnlyList<ActionDeclaration> Actions => _actions;

    public IReadOnlyList<(DisputeState State, Action<Dispute, Transition<DisputeState, DisputeAction, Party>> Effect)> Entries => _entries;

    /// <summary>
    /// Declares an action without details; <paramref name="sellerSilence"/> for a deadline's answer that the seller's
    /// silence decided.
    /// </summary>
    public ActionTable Action(DisputeAction action, string? route, string summary,
        Action<Dispute, ActionTaken>? record = null, ClosureReason? closes = null, Func<Dispute, DisputeAction?>? followUp = null,
        bool sellerSilence = false)
    {
        _actions.Add(new ActionDeclaration(action, null, route, summary, null, null, record, closes, followUp, sellerSilence));
        return this;
    }

    /// <summary>
    /// Declares an action with details of type <typeparamref name="TArgument"/>, checked by <paramref name="validate"/>, or
    /// by <paramref name="validateAt"/> when the check depends on when the action is taken (a visit slot must lie ahead);
    /// <paramref name="example"/> must be valid wherever the action is on a party's menu (a time-dependent one, at the
    /// time it names).
    /// </summary>
    public ActionTable Action<TArgument>(DisputeAction action, string? route, string summary, TArgument example,
        Func<Dispute, TArgument, Problem?>? validate, Action<Dispute, TArgument, ActionTaken>? record = null,
        ClosureReason? closes = null, Func<Dispute, DisputeAction?>? followUp = null, Func<Dispute, TArgument, DateTimeOffset, Problem?>? validateAt = null)
        where TArgument : DisputeEventData
    {
        _actions.Add(new ActionDeclaration(action, typeof(TArgument), route, summary, example,
            validateAt is not null ? (dispute, argument, now) => validateAt(dispute, (TArgument)argument, now)
            : validate is null ? null : (dispute, argument, _) => validate(dispute, (TArgument)argument),
            record is null ? null : (dispute, taken) => record(dispute, (TArgument)taken.Argument!, taken),
            closes, followUp));
        return this;
    }

    /// <summary>Runs <paramref name="effect"/> after the case entered <paramref name="state"/> (not on internal actions).</summary>
    public ActionTable OnEntering(DisputeState state, Action<Dispute, Transition<DisputeState, DisputeAction, Party>> effect)
    {
        _entries.Add((state, effect));
        return this;
    }
}
