namespace AfterSales.Disputes.Flows;

/// <summary>
/// Configures one state of a flow: what may be done in it, by whom, under which guards, its deadline
/// and its effects. Returned by <see cref="FlowBuilder{TState, TAction, TParty, TContext}.In"/>; it offers
/// <see cref="In"/> and <see cref="Build"/> too, so a whole flow reads as one statement.
/// </summary>
/// <typeparam name="TState">The states, an enum.</typeparam>
/// <typeparam name="TAction">The actions, an enum.</typeparam>
/// <typeparam name="TParty">The parties who take actions: a [Flags] enum with one bit per party.</typeparam>
/// <typeparam name="TContext">What guards, deadline spans and effects read.</typeparam>
public sealed class FlowStateBuilder<TState, TAction, TParty, TContext>
    where TState : struct, Enum
    where TAction : struct, Enum
    where TParty : struct, Enum
{
    private readonly FlowBuilder<TState, TAction, TParty, TContext> _flow;
    private readonly List<TransitionRule<TState, TAction, TParty, TContext>> _transitions = [];
    private readonly List<EntryEffect<TAction>> _entryEffects = [];
    private readonly List<Action<TContext, Transition<TState, TAction, TParty>>> _exitEffects = [];
    private readonly List<string> _problems = [];
    private DeadlineRule<TAction, TContext>? _deadline;
    private bool _terminal;

    internal FlowStateBuilder(FlowBuilder<TState, TAction, TParty, TContext> flow, TState state)
    {
        _flow = flow;
        State = state;
    }

    internal TState State { get; }

    internal IReadOnlyList<TransitionRule<TState, TAction, TParty, TContext>> Transitions => _transitions;

    /// <summary>Permits <paramref name="by"/> to take <paramref name="action"/>, leading to <paramref name="target"/>.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> Permit(TAction action, TState target, TParty by) =>
        Add(action, [Branch<TState, TContext>.Always(target)], by, isInternal: false, [], []);

    /// <summary>Permits the action when <paramref name="condition"/> holds; <paramref name="label"/> says what it checks.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> PermitIf(
        TAction action, TState target, TParty by, Func<TContext, bool> condition, string label) =>
        Add(action, [Branch<TState, TContext>.Always(target)], by, isInternal: false, [new Guard<TContext>(label, condition)], []);

    /// <summary>Permits the action when every guard holds, checked in order.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> PermitIf(
        TAction action, TState target, TParty by, params Guard<TContext>[] guards) =>
        Add(action, [Branch<TState, TContext>.Always(target)], by, isInternal: false, guards, []);

    /// <summary>Permits a parameterised action when its argument satisfies <paramref name="condition"/>.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> PermitIf<TArgument>(
        TAction action, TState target, TParty by, Func<TContext, TArgument, bool> condition, string label) =>
        PermitIf(action, target, by, new ArgumentGuard<TContext, TArgument>(label, condition));

    /// <summary>Permits a parameterised action when the case guards and the argument guard hold.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> PermitIf<TArgument>(
        TAction action, TState target, TParty by, ArgumentGuard<TContext, TArgument> argumentGuard, params Guard<TContext>[] guards) =>
        Add(action, [Branch<TState, TContext>.Always(target)], by, isInternal: false, guards, [Slot(argumentGuard)]);

    /// <summary>
    /// Permits an action whose destination depends on the case (or on the action's argument): the
    /// first of <paramref name="branches"/> whose condition holds is taken. When none holds, the action
    /// is refused with the branches' labels. End with <see cref="Branch{TState, TContext}.Otherwise"/>
    /// to make the choice total.
    /// </summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> PermitDynamic(
        TAction action, TParty by, params Branch<TState, TContext>[] branches) =>
        Add(action, branches, by, isInternal: false, [], []);

    /// <summary>Permits a dynamic action when every guard holds; then the first applicable branch is taken.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> PermitDynamicIf(
        TAction action, TParty by, Guard<TContext>[] guards, params Branch<TState, TContext>[] branches) =>
        Add(action, branches, by, isInternal: false, guards, []);

    /// <summary>
    /// Permits an action that stays in this state without leaving it (sending a message, adding
    /// evidence): no exit or entry effects run and the state's deadline keeps running.
    /// </summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> PermitInternal(TAction action, TParty by) =>
        Add(action, [Branch<TState, TContext>.Always(State)], by, isInternal: true, [], []);

    /// <summary>Permits an internal action when every guard holds.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> PermitInternalIf(TAction action, TParty by, params Guard<TContext>[] guards) =>
        Add(action, [Branch<TState, TContext>.Always(State)], by, isInternal: true, guards, []);

    /// <summary>Permits a parameterised internal action when its argument satisfies <paramref name="condition"/>.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> PermitInternalIf<TArgument>(
        TAction action, TParty by, Func<TContext, TArgument, bool> condition, string label) =>
        Add(action, [Branch<TState, TContext>.Always(State)], by, isInternal: true, [], [Slot(new ArgumentGuard<TContext, TArgument>(label, condition))]);

    /// <summary>
    /// Gives the state a deadline: it starts when the state is entered, its length is read from the
    /// context (usually the case's policy), and when it falls due the system takes
    /// <paramref name="expiresWith"/>, which this state must permit to the flow's system party.
    /// </summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> Deadline(Func<TContext, DeadlineSpan> span, TAction expiresWith, string label)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (_deadline is not null)
        {
            _problems.Add($"State {State} has more than one deadline.");
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            _problems.Add($"The deadline of state {State} needs a label.");
        }

        _deadline = new DeadlineRule<TAction, TContext>(label, span, expiresWith);
        return this;
    }

    /// <summary>Runs <paramref name="effect"/> whenever the state is entered (not on internal actions).</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> OnEntry(Action<TContext, Transition<TState, TAction, TParty>> effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        _entryEffects.Add(new EntryEffect<TAction>(null, null, effect));
        return this;
    }

    /// <summary>Runs <paramref name="effect"/> when the state is entered through <paramref name="action"/>.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> OnEntryFrom(TAction action, Action<TContext, Transition<TState, TAction, TParty>> effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        _entryEffects.Add(new EntryEffect<TAction>(action, null, effect));
        return this;
    }

    /// <summary>Runs <paramref name="effect"/> with the action's argument when the state is entered through <paramref name="action"/>.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> OnEntryFrom<TArgument>(
        TAction action, Action<TContext, TArgument, Transition<TState, TAction, TParty>> effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        _entryEffects.Add(new EntryEffect<TAction>(action, typeof(TArgument), effect));
        return this;
    }

    /// <summary>Runs <paramref name="effect"/> whenever the state is left (not on internal actions).</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> OnExit(Action<TContext, Transition<TState, TAction, TParty>> effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        _exitEffects.Add(effect);
        return this;
    }

    /// <summary>Marks the state as an end of the flow: no action may leave it (internal actions, such as rating, still may run).</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> Terminal()
    {
        _terminal = true;
        return this;
    }

    /// <inheritdoc cref="FlowBuilder{TState, TAction, TParty, TContext}.In"/>
    public FlowStateBuilder<TState, TAction, TParty, TContext> In(TState state) => _flow.In(state);

    /// <inheritdoc cref="FlowBuilder{TState, TAction, TParty, TContext}.Takes"/>
    public FlowBuilder<TState, TAction, TParty, TContext> Takes<TArgument>(TAction action) => _flow.Takes<TArgument>(action);

    /// <inheritdoc cref="FlowBuilder{TState, TAction, TParty, TContext}.Build"/>
    public FlowDefinition<TState, TAction, TParty, TContext> Build() => _flow.Build();

    internal IEnumerable<string> Problems(IReadOnlyDictionary<TAction, Type> argumentTypes)
    {
        foreach (var problem in _problems)
        {
            yield return problem;
        }

        var exits = _transitions.Count(t => !t.IsInternal && t.Branches.Any(b => !EqualityComparer<TState>.Default.Equals(b.Target, State)));
        if (_terminal && exits > 0)
        {
            yield return $"State {State} is terminal but permits actions that leave it.";
        }

        if (!_terminal && exits == 0)
        {
            yield return $"State {State} is not terminal and has no action that leaves it: permit one, or mark it Terminal().";
        }

        if (_deadline is { } deadline)
        {
            var expiry = _transitions.Find(t => EqualityComparer<TAction>.Default.Equals(t.Action, deadline.ExpiresWith));
            if (expiry is null || !Parties<TParty>.Overlap(expiry.AllowedParties, _flow.System))
            {
                yield return $"The deadline of state {State} expires with {deadline.ExpiresWith}, which is not permitted to {_flow.System} in {State}.";
            }
            else if (expiry.IsInternal || expiry.GuardArray.Length > 0 || expiry.ArgumentGuards.Length > 0
                || argumentTypes.ContainsKey(deadline.ExpiresWith) || !expiry.Branches[^1].IsOtherwise)
            {
                yield return $"The deadline of state {State} expires with {deadline.ExpiresWith}, which must leave or re-enter the state without guards or an argument (a dynamic one ending with Otherwise), so that the deadline can always fire.";
            }
        }

        foreach (var slot in _transitions.SelectMany(t => t.ArgumentGuards.Select(g => (t.Action, g.ArgumentType))))
        {
            if (argumentTypes.GetValueOrDefault(slot.Action) != slot.ArgumentType)
            {
                yield return $"{slot.Action} in state {State} has an argument guard on {slot.ArgumentType.Name}: declare Takes<{slot.ArgumentType.Name}>({slot.Action}).";
            }
        }

        foreach (var (action, argumentType) in _transitions.SelectMany(t => t.Branches.Where(b => b.ArgumentType is not null).Select(b => (t.Action, b.ArgumentType!))))
        {
            if (argumentTypes.GetValueOrDefault(action) != argumentType)
            {
                yield return $"{action} in state {State} has a branch on {argumentType.Name}: declare Takes<{argumentType.Name}>({action}).";
            }
        }

        foreach (var effect in _entryEffects.Where(e => e.ArgumentType is not null))
        {
            if (argumentTypes.GetValueOrDefault(effect.FromAction!.Value) != effect.ArgumentType)
            {
                yield return $"An entry effect of state {State} reads a {effect.ArgumentType!.Name} from {effect.FromAction}: declare Takes<{effect.ArgumentType.Name}>({effect.FromAction}).";
            }
        }
    }

    internal StateRule<TState, TAction, TParty, TContext> ToRule() =>
        new(State, _terminal, _deadline, [.. _transitions], [.. _entryEffects], [.. _exitEffects]);

    private static ArgumentGuardSlot Slot<TArgument>(ArgumentGuard<TContext, TArgument> guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return new ArgumentGuardSlot(guard.Label, typeof(TArgument), guard.Condition);
    }

    private FlowStateBuilder<TState, TAction, TParty, TContext> Add(
        TAction action,
        Branch<TState, TContext>[] branches,
        TParty by,
        bool isInternal,
        Guard<TContext>[] guards,
        ArgumentGuardSlot[] argumentGuards)
    {
        if (branches.Length == 0)
        {
            _problems.Add($"{action} in state {State} has no branch to take.");
            branches = [Branch<TState, TContext>.Always(State)];
        }

        if (branches[..^1].Any(b => b.IsOtherwise))
        {
            _problems.Add($"{action} in state {State} has an Otherwise branch before its last branch.");
        }

        if (branches.Any(b => !b.IsOtherwise && string.IsNullOrWhiteSpace(b.Label)))
        {
            _problems.Add($"A branch of {action} in state {State} has no label.");
        }

        if (_transitions.Exists(t => EqualityComparer<TAction>.Default.Equals(t.Action, action)))
        {
            _problems.Add($"State {State} permits {action} more than once.");
        }

        if (Parties<TParty>.IsNone(by))
        {
            _problems.Add($"{action} in state {State} is permitted to no party.");
        }

        foreach (var label in guards.Select(g => g.Label).Concat(argumentGuards.Select(g => g.Label)))
        {
            if (string.IsNullOrWhiteSpace(label))
            {
                _problems.Add($"A guard of {action} in state {State} has no label.");
            }
        }

        _transitions.Add(new TransitionRule<TState, TAction, TParty, TContext>(State, action, branches, by, isInternal, guards, argumentGuards));
        return this;
    }
}
