namespace AfterSales.Disputes.Flows;

/// <summary>One permitted action in one state: where it leads, who may take it, and its guards.</summary>
/// <typeparam name="TState">The flow's state type.</typeparam>
/// <typeparam name="TAction">The flow's action type.</typeparam>
/// <typeparam name="TParty">The parties who take actions: a [Flags] enum with one bit per party.</typeparam>
/// <typeparam name="TContext">What guards read.</typeparam>
public sealed class TransitionRule<TState, TAction, TParty, TContext>
    where TState : struct, Enum
    where TAction : struct, Enum
    where TParty : struct, Enum
{
    internal TransitionRule(
        TState source,
        TAction action,
        Branch<TState, TContext>[] branches,
        TParty allowedParties,
        bool isInternal,
        Guard<TContext>[] guards,
        ArgumentGuardSlot[] argumentGuards)
    {
        Source = source;
        Action = action;
        BranchArray = branches;
        AllowedParties = allowedParties;
        IsInternal = isInternal;
        GuardArray = guards;
        ArgumentGuards = argumentGuards;
        NoBranchLabel = string.Join(" or ", branches.Where(b => b.Label is not null).Select(b => b.Label));
    }

    /// <summary>The state in which the action is permitted.</summary>
    public TState Source { get; }

    /// <summary>The action.</summary>
    public TAction Action { get; }

    /// <summary>
    /// The state the action leads to: the source itself for internal actions, and for dynamic actions
    /// the first branch's target (see <see cref="Branches"/>).
    /// </summary>
    public TState Target => BranchArray[0].Target;

    /// <summary>
    /// Where the action may lead, checked in order; a plain transition has a single unconditional branch.
    /// </summary>
    public IReadOnlyList<Branch<TState, TContext>> Branches => BranchArray;

    /// <summary>True when the destination is chosen among several branches when the action is fired.</summary>
    public bool IsDynamic => BranchArray.Length > 1 || !BranchArray[0].IsOtherwise;

    /// <summary>The parties who may take the action.</summary>
    public TParty AllowedParties { get; }

    /// <summary>True when the action stays in the state: no exit or entry effects, the deadline keeps running.</summary>
    public bool IsInternal { get; }

    /// <summary>True when the action always leaves the state and enters it again, restarting its deadline.</summary>
    public bool IsReentry => !IsInternal && !IsDynamic && EqualityComparer<TState>.Default.Equals(Source, Target);

    /// <summary>Conditions on the case, checked in order.</summary>
    public IReadOnlyList<Guard<TContext>> Guards => GuardArray;

    /// <summary>Labels of the conditions on the action's argument, checked when it is fired.</summary>
    public IReadOnlyList<string> ArgumentGuardLabels => ArgumentGuards.Select(g => g.Label).ToList();

    internal Branch<TState, TContext>[] BranchArray { get; }

    internal Guard<TContext>[] GuardArray { get; }

    internal ArgumentGuardSlot[] ArgumentGuards { get; }

    /// <summary>What a refusal says when no branch of a dynamic action applies.</summary>
    internal string NoBranchLabel { get; }
}
