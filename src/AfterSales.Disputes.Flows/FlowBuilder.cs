namespace AfterSales.Disputes.Flows;

/// <summary>
/// Builds a <see cref="FlowDefinition{TState, TAction, TParty, TContext}"/> fluently, state by state, and
/// validates the whole flow in <see cref="Build"/>.
/// </summary>
/// <example>
/// <code>
/// var flow = FlowBuilder&lt;State, Action, Party, Case&gt;.Create("return-and-refund", version: 1, initial: State.AwaitingSeller, system: Party.System)
///     .In(State.AwaitingSeller)
///         .Deadline(c => c.Policy.SellerResponse, expiresWith: Action.AutoApprove, "seller response window")
///         .Permit(Action.Approve, State.AwaitingReturn, by: Party.Seller)
///         .Permit(Action.AutoApprove, State.AwaitingReturn, by: Party.System)
///         .PermitIf(Action.Reject, State.Rejected, by: Party.Seller, c => c.HasReasonCode, "a reason code is given")
///     .In(State.Rejected).Terminal()
///     ...
///     .Build();
/// </code>
/// </example>
/// <typeparam name="TState">The states, an enum.</typeparam>
/// <typeparam name="TAction">The actions, an enum.</typeparam>
/// <typeparam name="TParty">The parties who take actions: a [Flags] enum with one bit per party.</typeparam>
/// <typeparam name="TContext">What guards, deadline spans and effects read.</typeparam>
public sealed class FlowBuilder<TState, TAction, TParty, TContext>
    where TState : struct, Enum
    where TAction : struct, Enum
    where TParty : struct, Enum
{
    private readonly string _id;
    private readonly int _version;
    private readonly TState _initial;
    private readonly TParty _system;
    private readonly List<FlowStateBuilder<TState, TAction, TParty, TContext>> _states = [];
    private readonly Dictionary<TAction, Type> _argumentTypes = [];
    private readonly List<string> _problems = [];

    private FlowBuilder(string id, int version, TState initial, TParty system)
    {
        _id = id;
        _version = version;
        _initial = initial;
        _system = system;
    }

    /// <summary>The party the engine itself acts as: it takes the expiry action when a deadline passes.</summary>
    public TParty System => _system;

    /// <summary>Starts a flow definition.</summary>
    /// <param name="id">A stable identifier such as <c>return-and-refund</c>.</param>
    /// <param name="version">The definition's version, from 1; raise it whenever the flow changes.</param>
    /// <param name="initial">The state every case starts in.</param>
    /// <param name="system">
    /// The party the engine acts as when a deadline expires (one member of <typeparamref name="TParty"/>);
    /// every deadline's expiry action must be permitted to it.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="system"/> is not exactly one declared party.</exception>
    public static FlowBuilder<TState, TAction, TParty, TContext> Create(string id, int version, TState initial, TParty system)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        if (!Parties<TParty>.IsSingle(system))
        {
            throw new ArgumentException($"The system party is exactly one party of {typeof(TParty).Name}, not '{system}'.", nameof(system));
        }

        return new FlowBuilder<TState, TAction, TParty, TContext>(id, version, initial, system);
    }

    /// <summary>Configures <paramref name="state"/>; calling it again for the same state continues its configuration.</summary>
    public FlowStateBuilder<TState, TAction, TParty, TContext> In(TState state)
    {
        foreach (var existing in _states)
        {
            if (EqualityComparer<TState>.Default.Equals(existing.State, state))
            {
                return existing;
            }
        }

        var builder = new FlowStateBuilder<TState, TAction, TParty, TContext>(this, state);
        _states.Add(builder);
        return builder;
    }

    /// <summary>
    /// Declares that <paramref name="action"/> carries an argument of type <typeparamref name="TArgument"/>
    /// (a reason code, an offer, a tracking number). It must then be fired with one; argument guards and
    /// <c>OnEntryFrom</c> effects receive it.
    /// </summary>
    public FlowBuilder<TState, TAction, TParty, TContext> Takes<TArgument>(TAction action) => Takes(action, typeof(TArgument));

    /// <summary>Declares that <paramref name="action"/> is fired with an argument of <paramref name="argumentType"/>, for declarations read from a table.</summary>
    public FlowBuilder<TState, TAction, TParty, TContext> Takes(TAction action, Type argumentType)
    {
        ArgumentNullException.ThrowIfNull(argumentType);
        if (_argumentTypes.TryGetValue(action, out var existing) && existing != argumentType)
        {
            _problems.Add($"{action} is declared to take both {existing.Name} and {argumentType.Name}.");
        }

        _argumentTypes[action] = argumentType;
        return this;
    }

    /// <summary>
    /// Validates the flow and returns its immutable definition.
    /// </summary>
    /// <exception cref="FlowDefinitionException">
    /// Listing every problem: an unknown initial state, unreachable states, non-terminal states without
    /// an exit, terminal states with one, an action permitted twice in a state, deadlines whose expiry
    /// action is not an unguarded exit permitted to the <see cref="System"/> party, argument guards or effects
    /// whose argument type was not declared.
    /// </exception>
    public FlowDefinition<TState, TAction, TParty, TContext> Build()
    {
        var problems = new List<string>(_problems);
        var configured = _states.Select(s => s.State).ToList();
        var targets = _states.SelectMany(s => s.Transitions).SelectMany(t => t.Branches).Select(b => b.Target).Distinct().ToList();
        var all = configured.Concat(targets.Except(configured)).ToList();

        if (!configured.Contains(_initial))
        {
            problems.Add($"The initial state {_initial} is not configured: add In({_initial}).");
        }

        foreach (var unconfigured in targets.Except(configured))
        {
            problems.Add($"State {unconfigured} is a target but is not configured: add In({unconfigured}) with its exits, or mark it Terminal().");
        }

        var reachable = Reachable();
        foreach (var state in all.Where(s => !reachable.Contains(s)))
        {
            problems.Add($"State {state} is unreachable from the initial state {_initial}.");
        }

        foreach (var state in _states)
        {
            problems.AddRange(state.Problems(_argumentTypes));
        }

        if (problems.Count > 0)
        {
            throw new FlowDefinitionException($"{_id} v{_version}", problems);
        }

        return new FlowDefinition<TState, TAction, TParty, TContext>(
            _id, _version, _initial, _system, _states.Select(s => s.ToRule()).ToList(), _argumentTypes);
    }

    private HashSet<TState> Reachable()
    {
        var reached = new HashSet<TState> { _initial };
        var queue = new Queue<TState>(reached);
        while (queue.TryDequeue(out var state))
        {
            var builder = _states.Find(s => EqualityComparer<TState>.Default.Equals(s.State, state));
            foreach (var branch in (builder?.Transitions ?? []).SelectMany(t => t.Branches))
            {
                if (reached.Add(branch.Target))
                {
                    queue.Enqueue(branch.Target);
                }
            }
        }

        return reached;
    }
}
