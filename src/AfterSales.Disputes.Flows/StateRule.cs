namespace AfterSales.Disputes.Flows;

/// <summary>One state of a flow definition: its transitions, deadline, effects and whether it ends the flow.</summary>
/// <typeparam name="TState">The flow's state type.</typeparam>
/// <typeparam name="TAction">The flow's action type.</typeparam>
/// <typeparam name="TParty">The parties who take actions: a [Flags] enum with one bit per party.</typeparam>
/// <typeparam name="TContext">What guards, deadlines and effects read.</typeparam>
public sealed class StateRule<TState, TAction, TParty, TContext>
    where TState : struct, Enum
    where TAction : struct, Enum
    where TParty : struct, Enum
{
    internal StateRule(
        TState state,
        bool isTerminal,
        DeadlineRule<TAction, TContext>? deadline,
        TransitionRule<TState, TAction, TParty, TContext>[] transitions,
        EntryEffect<TAction>[] entryEffects,
        Action<TContext, Transition<TState, TAction, TParty>>[] exitEffects)
    {
        State = state;
        IsTerminal = isTerminal;
        Deadline = deadline;
        TransitionArray = transitions;
        EntryEffects = entryEffects;
        ExitEffects = exitEffects;
    }

    /// <summary>The state.</summary>
    public TState State { get; }

    /// <summary>True when the flow ends here: no action leaves this state.</summary>
    public bool IsTerminal { get; }

    /// <summary>The deadline that starts when the state is entered, or null.</summary>
    public DeadlineRule<TAction, TContext>? Deadline { get; }

    /// <summary>The actions permitted in this state, in the order they were declared.</summary>
    public IReadOnlyList<TransitionRule<TState, TAction, TParty, TContext>> Transitions => TransitionArray;

    /// <summary>How many effects run when the state is entered.</summary>
    public int EntryEffectCount => EntryEffects.Length;

    /// <summary>How many effects run when the state is left.</summary>
    public int ExitEffectCount => ExitEffects.Length;

    internal TransitionRule<TState, TAction, TParty, TContext>[] TransitionArray { get; }

    internal EntryEffect<TAction>[] EntryEffects { get; }

    internal Action<TContext, Transition<TState, TAction, TParty>>[] ExitEffects { get; }

    /// <summary>The rule for <paramref name="action"/> in this state, or null when the state does not permit it.</summary>
    public TransitionRule<TState, TAction, TParty, TContext>? Find(TAction action)
    {
        // Flows have a handful of actions per state: a linear scan beats hashing and allocates nothing.
        foreach (var transition in TransitionArray)
        {
            if (EqualityComparer<TAction>.Default.Equals(transition.Action, action))
            {
                return transition;
            }
        }

        return null;
    }
}
