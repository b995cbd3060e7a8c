using System.Collections.Frozen;

namespace AfterSales.Disputes.Flows;

/// <summary>
/// An immutable, validated flow: states, the actions each permits to which parties under which
/// guards, deadlines with their automatic outcome, and effects. Build one with
/// <see cref="FlowBuilder{TState, TAction, TParty, TContext}"/>; it is safe to share between threads.
/// </summary>
/// <remarks>
/// A definition holds no case state: callers pass the current state and deadline, and get back the
/// transition to apply or a refusal. Firing does no LINQ and no reflection, and allocates nothing
/// beyond what the effects themselves allocate.
/// </remarks>
/// <typeparam name="TState">The states, an enum.</typeparam>
/// <typeparam name="TAction">The actions (triggers), an enum.</typeparam>
/// <typeparam name="TParty">The parties who take actions: a [Flags] enum with one bit per party.</typeparam>
/// <typeparam name="TContext">What guards, deadline spans and effects read: the case, its policy, its order.</typeparam>
public sealed class FlowDefinition<TState, TAction, TParty, TContext>
    where TState : struct, Enum
    where TAction : struct, Enum
    where TParty : struct, Enum
{
    private readonly FrozenDictionary<TState, StateRule<TState, TAction, TParty, TContext>> _states;
    private readonly FrozenDictionary<TAction, Type> _argumentTypes;
    private readonly TAction[] _actions;

    internal FlowDefinition(
        string id,
        int version,
        TState initial,
        TParty system,
        IReadOnlyList<StateRule<TState, TAction, TParty, TContext>> states,
        IReadOnlyDictionary<TAction, Type> argumentTypes)
    {
        Id = id;
        Version = version;
        Initial = initial;
        System = system;
        States = states;
        _states = states.ToFrozenDictionary(s => s.State);
        _argumentTypes = argumentTypes.ToFrozenDictionary();
        _actions = states.SelectMany(s => s.TransitionArray).Select(t => t.Action).Distinct().ToArray();
    }

    /// <summary>The flow's identifier, such as <c>return-and-refund</c>.</summary>
    public string Id { get; }

    /// <summary>The version of the definition; a case keeps the version it started with.</summary>
    public int Version { get; }

    /// <summary>The state every case starts in.</summary>
    public TState Initial { get; }

    /// <summary>The party the engine acts as when a deadline expires.</summary>
    public TParty System { get; }

    /// <summary>Every state of the flow, in the order they were declared.</summary>
    public IReadOnlyList<StateRule<TState, TAction, TParty, TContext>> States { get; }

    /// <summary>Every action permitted somewhere in the flow, in the order they first appear.</summary>
    public IReadOnlyList<TAction> Actions => _actions;

    /// <summary>The actions that take an argument, with its type.</summary>
    public IReadOnlyDictionary<TAction, Type> ArgumentTypes => _argumentTypes;

    /// <summary>The rule for <paramref name="state"/>.</summary>
    /// <exception cref="ArgumentException">The state is not part of this flow.</exception>
    public StateRule<TState, TAction, TParty, TContext> this[TState state] =>
        _states.TryGetValue(state, out var rule)
            ? rule
            : throw new ArgumentException($"{state} is not a state of flow {Id} v{Version}.", nameof(state));

    /// <summary>Every party some state of the flow lets take <paramref name="action"/>; no party (the enum's zero) when no state permits it.</summary>
    public TParty PartiesFor(TAction action) => States
        .SelectMany(state => state.Transitions)
        .Where(rule => EqualityComparer<TAction>.Default.Equals(rule.Action, action))
        .Aggregate(default(TParty), (parties, rule) => Parties<TParty>.Union(parties, rule.AllowedParties));

    /// <summary>True when <paramref name="state"/> is part of this flow.</summary>
    public bool Contains(TState state) => _states.ContainsKey(state);

    /// <summary>True when the flow ends in <paramref name="state"/>.</summary>
    public bool IsTerminal(TState state) => this[state].IsTerminal;

    /// <summary>
    /// The deadline that starts when a case enters <paramref name="state"/> at <paramref name="now"/>,
    /// or null when the state has none. Use it for the initial state of a new case.
    /// </summary>
    public Deadline<TAction>? StartDeadline(TState state, TContext context, DateTimeOffset now) =>
        this[state].Deadline is { } rule ? new Deadline<TAction>(rule.ExpiresWith, rule.Span(context), now) : null;

    /// <summary>
    /// Checks whether <paramref name="by"/> may take <paramref name="action"/> in <paramref name="state"/>,
    /// without taking it. Argument guards are not checked.
    /// </summary>
    /// <returns>Null when the action is allowed, otherwise the refusal.</returns>
    public Refusal<TState, TAction, TParty>? Check(TState state, TAction action, TParty by, TContext context)
    {
        EnsureSingleParty(by);
        return Decide(state, action, by, context, out _);
    }

    /// <summary>
    /// Fires an action that takes no argument: returns the transition to apply, or why it was refused.
    /// Exit effects of the state left and entry effects of the state entered run before this returns.
    /// </summary>
    /// <param name="state">The case's current state.</param>
    /// <param name="deadline">The case's current deadline, kept when the action is internal.</param>
    /// <param name="action">The action to take.</param>
    /// <param name="by">The single party taking it.</param>
    /// <param name="context">What guards, deadline spans and effects read.</param>
    /// <param name="now">When the action is taken; new deadlines start here.</param>
    /// <exception cref="ArgumentException">The action takes an argument, or <paramref name="by"/> is not exactly one party.</exception>
    public FireResult<TState, TAction, TParty> Fire(
        TState state, Deadline<TAction>? deadline, TAction action, TParty by, TContext context, DateTimeOffset now)
    {
        EnsureSingleParty(by);
        if (_argumentTypes.TryGetValue(action, out var argumentType))
        {
            throw new ArgumentException($"{action} takes an argument of type {argumentType.Name}; fire it with one.", nameof(action));
        }

        if (Decide(state, action, by, context, out var rule) is { } refusal)
        {
            return refusal;
        }

        if (!TryChoose(rule!, context, default(NoArgument), out var target))
        {
            return NoBranch(rule!, by);
        }

        return Take(rule!, target, deadline, by, context, argument: default(NoArgument), now);
    }

    /// <summary>
    /// Fires a parameterised action with its argument: checks the guards, then the argument guards,
    /// and returns the transition to apply or why it was refused.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The action does not take a <typeparamref name="TArgument"/>, or <paramref name="by"/> is not exactly one party.
    /// </exception>
    public FireResult<TState, TAction, TParty> Fire<TArgument>(
        TState state, Deadline<TAction>? deadline, TAction action, TParty by, TContext context, TArgument argument, DateTimeOffset now)
    {
        EnsureSingleParty(by);
        if (!_argumentTypes.TryGetValue(action, out var argumentType) || argumentType != typeof(TArgument))
        {
            throw new ArgumentException(
                argumentType is null
                    ? $"{action} takes no argument."
                    : $"{action} takes an argument of type {argumentType.Name}, not {typeof(TArgument).Name}.",
                nameof(argument));
        }

        if (Decide(state, action, by, context, out var rule) is { } refusal)
        {
            return refusal;
        }

        foreach (var guard in rule!.ArgumentGuards)
        {
            if (!((Func<TContext, TArgument, bool>)guard.Condition)(context, argument))
            {
                return new Refusal<TState, TAction, TParty>(action, state, by, RefusalReason.GuardFailed, rule.AllowedParties, guard.Label);
            }
        }

        if (!TryChoose(rule, context, argument, out var target))
        {
            return NoBranch(rule, by);
        }

        return Take(rule, target, deadline, by, context, argument, now);
    }

    /// <summary>
    /// Takes the expiry action of <paramref name="deadline"/> as the <see cref="System"/> party when it is
    /// due at <paramref name="now"/>. A deadline that is paused or not yet due is refused, so a clock
    /// that jumps back never fires a deadline early.
    /// </summary>
    public FireResult<TState, TAction, TParty> FireExpiry(
        TState state, Deadline<TAction>? deadline, TContext context, DateTimeOffset now)
    {
        if (deadline is not { } due || !due.IsDueAt(now))
        {
            var action = deadline?.ExpiresWith ?? this[state].Deadline?.ExpiresWith ?? default;
            return new Refusal<TState, TAction, TParty>(action, state, System, RefusalReason.NoDeadlineDue, System, null);
        }

        return Fire(state, deadline, due.ExpiresWith, System, context, now);
    }

    /// <summary>The actions <paramref name="by"/> may take in <paramref name="state"/> now.</summary>
    public IReadOnlyList<TAction> PermittedActions(TState state, TParty by, TContext context)
    {
        EnsureSingleParty(by);
        var permitted = new List<TAction>();
        foreach (var transition in this[state].TransitionArray)
        {
            if (Decide(state, transition.Action, by, context, out _) is null)
            {
                permitted.Add(transition.Action);
            }
        }

        return permitted;
    }

    /// <summary>
    /// For every action of the flow, whether <paramref name="by"/> may take it in
    /// <paramref name="state"/> now, and if not, why not.
    /// </summary>
    public IReadOnlyList<ActionAvailability<TState, TAction, TParty>> Explain(TState state, TParty by, TContext context)
    {
        EnsureSingleParty(by);
        var answers = new List<ActionAvailability<TState, TAction, TParty>>(_actions.Length);
        foreach (var action in _actions)
        {
            answers.Add(new ActionAvailability<TState, TAction, TParty>(
                action,
                Decide(state, action, by, context, out _),
                _argumentTypes.GetValueOrDefault(action)));
        }

        return answers;
    }

    /// <summary>The definition as a Mermaid state diagram.</summary>
    public string ToMermaid(FlowDiagramOptions? options = null) => FlowGraphWriter.Mermaid(this, options ?? FlowDiagramOptions.Full);

    /// <summary>
    /// The definition as a Markdown page: a Mermaid diagram without internal actions, then a table of
    /// the internal actions per state. Used for the committed flow documentation.
    /// </summary>
    public string ToMarkdown() => FlowGraphWriter.Markdown(this);

    /// <summary>The definition as a Graphviz DOT digraph.</summary>
    public string ToDot(FlowDiagramOptions? options = null) => FlowGraphWriter.Dot(this, options ?? FlowDiagramOptions.Full);

    /// <summary>The flow's identifier and version.</summary>
    public override string ToString() => $"{Id} v{Version}";

    private Refusal<TState, TAction, TParty>? Decide(
        TState state, TAction action, TParty by, TContext context, out TransitionRule<TState, TAction, TParty, TContext>? rule)
    {
        rule = this[state].Find(action);
        if (rule is null)
        {
            return new Refusal<TState, TAction, TParty>(action, state, by, RefusalReason.NotPermittedInState, default, null);
        }

        if (!Parties<TParty>.Overlap(rule.AllowedParties, by))
        {
            return new Refusal<TState, TAction, TParty>(action, state, by, RefusalReason.NotThisParty, rule.AllowedParties, null);
        }

        foreach (var guard in rule.GuardArray)
        {
            if (!guard.Condition(context))
            {
                return new Refusal<TState, TAction, TParty>(action, state, by, RefusalReason.GuardFailed, rule.AllowedParties, guard.Label);
            }
        }

        return CouldChoose(rule, context) ? null : NoBranch(rule, by);
    }

    // A dynamic action is possible when a branch could apply: an Otherwise branch, a branch on the
    // argument (not known yet), or a branch whose condition holds for the case.
    private static bool CouldChoose(TransitionRule<TState, TAction, TParty, TContext> rule, TContext context)
    {
        foreach (var branch in rule.BranchArray)
        {
            if (branch.Condition is null || branch.ArgumentType is not null || ((Func<TContext, bool>)branch.Condition)(context))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryChoose<TArgument>(
        TransitionRule<TState, TAction, TParty, TContext> rule, TContext context, TArgument argument, out TState target)
    {
        foreach (var branch in rule.BranchArray)
        {
            var applies = branch.Condition switch
            {
                null => true,
                Func<TContext, bool> onCase => onCase(context),
                _ => ((Func<TContext, TArgument, bool>)branch.Condition)(context, argument),
            };
            if (applies)
            {
                target = branch.Target;
                return true;
            }
        }

        target = default;
        return false;
    }

    private static Refusal<TState, TAction, TParty> NoBranch(TransitionRule<TState, TAction, TParty, TContext> rule, TParty by) =>
        new(rule.Action, rule.Source, by, RefusalReason.GuardFailed, rule.AllowedParties, rule.NoBranchLabel);

    private Transition<TState, TAction, TParty> Take<TArgument>(
        TransitionRule<TState, TAction, TParty, TContext> rule,
        TState target,
        Deadline<TAction>? deadline,
        TParty by,
        TContext context,
        TArgument argument,
        DateTimeOffset now)
    {
        if (rule.IsInternal)
        {
            return new Transition<TState, TAction, TParty>(rule.Source, target, rule.Action, by, now, IsInternal: true, deadline);
        }

        var transition = new Transition<TState, TAction, TParty>(
            rule.Source, target, rule.Action, by, now, IsInternal: false, StartDeadline(target, context, now));

        foreach (var exit in this[rule.Source].ExitEffects)
        {
            exit(context, transition);
        }

        foreach (var entry in this[target].EntryEffects)
        {
            if (entry.FromAction is { } from && !EqualityComparer<TAction>.Default.Equals(from, rule.Action))
            {
                continue;
            }

            // The builder only accepts an argument effect for an action declared with that argument
            // type, and Fire<TArgument> checked the type, so this cast cannot fail.
            if (entry.ArgumentType is null)
            {
                ((Action<TContext, Transition<TState, TAction, TParty>>)entry.Effect)(context, transition);
            }
            else
            {
                ((Action<TContext, TArgument, Transition<TState, TAction, TParty>>)entry.Effect)(context, argument, transition);
            }
        }

        return transition;
    }

    private static void EnsureSingleParty(TParty by)
    {
        if (!Parties<TParty>.IsSingle(by))
        {
            throw new ArgumentException($"An action is taken by exactly one party, not '{by}'.", nameof(by));
        }
    }

    /// <summary>Stands in for the argument of actions that take none.</summary>
    private readonly struct NoArgument;
}
