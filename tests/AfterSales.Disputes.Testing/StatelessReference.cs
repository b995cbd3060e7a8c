using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using Stateless;

namespace AfterSales.Disputes.Testing;

/// <summary>What a state machine answered to one action: the state it leads to, or why it was refused.</summary>
/// <param name="Accepted">Whether the action was taken.</param>
/// <param name="To">The state after it, when taken.</param>
/// <param name="Reason">Why not, when refused.</param>
/// <param name="GuardLabel">The guard that did not hold, when a guard refused it.</param>
public sealed record FlowAnswer<TState>(bool Accepted, TState? To, RefusalReason? Reason, string? GuardLabel)
    where TState : struct, Enum
{
    /// <summary>Our engine's answer.</summary>
    public static FlowAnswer<TState> Of<TAction>(FireResult<TState, TAction, Party> result)
        where TAction : struct, Enum =>
        result.IsAccepted
            ? new(true, result.Transition.To, null, null)
            : new(false, null, result.Refusal.Reason, result.Refusal.Reason == RefusalReason.GuardFailed ? result.Refusal.GuardLabel : null);

    /// <summary>"accepted, to Refunding" or "refused: GuardFailed (a reason code is given)".</summary>
    public override string ToString() => Accepted ? $"accepted, to {To}" : $"refused: {Reason}{(GuardLabel is null ? "" : $" ({GuardLabel})")}";
}

/// <summary>
/// A flow definition compiled into a Stateless <see cref="StateMachine{TState, TTrigger}"/>, the reference
/// the engine is checked against: external state, <see cref="FiringMode.Immediate"/>, every action a trigger
/// with one parameter (its argument, or null), the parties and each guard a labelled Stateless guard,
/// dynamic actions as <c>PermitDynamicIf</c> with a guard that some branch applies. Refusals come from
/// Stateless's unhandled-trigger callback with the unmet guards' labels.
/// </summary>
/// <remarks>
/// Stateless takes a single guard on an internal transition, so an internal action's guards are one
/// Stateless guard that notes which of them failed first. One machine is not thread-safe: use one per thread.
/// </remarks>
public sealed class StatelessReference<TState, TAction, TContext>
    where TState : struct, Enum
    where TAction : struct, Enum
{
    private const string PartyLabel = "party: ";
    private const string InternalLabel = "internal: ";

    private readonly StateMachine<TState, TAction> _machine;
    private readonly Dictionary<TAction, StateMachine<TState, TAction>.TriggerWithParameters<object?>> _triggers = [];
    private TState _state;
    private Party _party;
    private TContext _context = default!;
    private string? _internalFailure;
    private FlowAnswer<TState>? _unhandled;

    /// <summary>Compiles <paramref name="flow"/>.</summary>
    public StatelessReference(FlowDefinition<TState, TAction, Party, TContext> flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        _machine = new StateMachine<TState, TAction>(() => _state, s => _state = s, FiringMode.Immediate);
        foreach (var action in flow.Actions)
        {
            _triggers[action] = _machine.SetTriggerParameters<object?>(action);
        }

        foreach (var rule in flow.States)
        {
            var state = _machine.Configure(rule.State);
            foreach (var transition in rule.Transitions)
            {
                var trigger = _triggers[transition.Action];
                var guards = Guards(transition);
                if (transition.IsInternal)
                {
                    state.InternalTransitionIf(trigger, argument => FirstFailure(guards, argument) is null, (_, _) => { },
                        InternalLabel + string.Join(", ", guards.Select(g => g.Item2)));
                }
                else if (transition.IsDynamic)
                {
                    state.PermitDynamicIf(trigger, argument => Choose(transition, argument), null, guards);
                }
                else if (transition.IsReentry)
                {
                    state.PermitReentryIf(trigger, guards);
                }
                else
                {
                    state.PermitIf(trigger, transition.Target, guards);
                }
            }
        }

        _machine.OnUnhandledTrigger((_, _, unmet) => _unhandled = Refused(unmet));
    }

    /// <summary>Fires <paramref name="action"/> by <paramref name="by"/> from <paramref name="state"/>, with its argument if it takes one.</summary>
    public FlowAnswer<TState> Fire(TState state, TAction action, Party by, TContext context, object? argument)
    {
        (_state, _party, _context, _internalFailure, _unhandled) = (state, by, context, null, null);
        _machine.Fire(_triggers[action], argument);
        return _unhandled ?? new FlowAnswer<TState>(true, _state, null, null);
    }

    private FlowAnswer<TState> Refused(ICollection<string>? unmet)
    {
        // Stateless passes no collection when the state has no behaviour for the trigger at all.
        if (unmet is null || unmet.Count == 0)
        {
            return new(false, null, RefusalReason.NotPermittedInState, null);
        }

        var first = unmet.First();
        return first.StartsWith(PartyLabel, StringComparison.Ordinal) || _internalFailure?.StartsWith(PartyLabel, StringComparison.Ordinal) == true
            ? new(false, null, RefusalReason.NotThisParty, null)
            : new(false, null, RefusalReason.GuardFailed, first.StartsWith(InternalLabel, StringComparison.Ordinal) ? _internalFailure : first);
    }

    // The parties, the case guards, the argument guards and, for a dynamic action, that some branch applies: in
    // the order the engine checks them.
    private Tuple<Func<object?, bool>, string>[] Guards(TransitionRule<TState, TAction, Party, TContext> transition)
    {
        var guards = new List<Tuple<Func<object?, bool>, string>>
        {
            new(_ => (transition.AllowedParties & _party) != 0, PartyLabel + transition.AllowedParties),
        };
        guards.AddRange(transition.GuardArray.Select(g => new Tuple<Func<object?, bool>, string>(_ => g.Condition(_context), g.Label)));
        guards.AddRange(transition.ArgumentGuards.Select(g => new Tuple<Func<object?, bool>, string>(
            argument => (bool)g.Condition.DynamicInvoke(_context, argument)!, g.Label)));
        if (transition.IsDynamic)
        {
            guards.Add(new(argument => transition.BranchArray.Any(b => Applies(b, argument)), transition.NoBranchLabel));
        }

        return [.. guards];
    }

    private string? FirstFailure(Tuple<Func<object?, bool>, string>[] guards, object? argument)
    {
        _internalFailure = guards.FirstOrDefault(g => !g.Item1(argument))?.Item2;
        return _internalFailure;
    }

    private TState Choose(TransitionRule<TState, TAction, Party, TContext> transition, object? argument) =>
        transition.BranchArray.First(b => Applies(b, argument)).Target;

    private bool Applies(Branch<TState, TContext> branch, object? argument) => branch.Condition switch
    {
        null => true,
        Func<TContext, bool> onCase => onCase(_context),
        var onArgument => (bool)onArgument.DynamicInvoke(_context, argument)!,
    };
}
