namespace AfterSales.Disputes.Flows;

/// <summary>
/// One possible destination of a dynamic action: "accepting an offer leads to Refunding when the
/// offer keeps the item". A dynamic action's branches are checked in order and the first whose
/// condition holds is taken; an <see cref="Otherwise"/> branch, last, always holds. Because every
/// destination is listed, a dynamic flow is still validated and drawn in full.
/// </summary>
/// <remarks>Write flows with <c>using static AfterSales.Disputes.Flows.Branch&lt;TState, TContext&gt;;</c> to call <c>When(…)</c> directly.</remarks>
/// <typeparam name="TState">The flow's state type.</typeparam>
/// <typeparam name="TContext">What branch conditions read.</typeparam>
public sealed class Branch<TState, TContext>
    where TState : struct, Enum
{
    private Branch(TState target, string? label, Delegate? condition, Type? argumentType)
    {
        Target = target;
        Label = label;
        Condition = condition;
        ArgumentType = argumentType;
    }

    /// <summary>The state this branch leads to.</summary>
    public TState Target { get; }

    /// <summary>When the branch applies, for people and diagrams; null for <see cref="Otherwise"/>.</summary>
    public string? Label { get; }

    /// <summary>True for the unconditional last branch.</summary>
    public bool IsOtherwise => Condition is null;

    /// <summary>The argument type the condition reads, or null when it reads only the context.</summary>
    public Type? ArgumentType { get; }

    /// <summary>A <c>Func&lt;TContext, bool&gt;</c>, a <c>Func&lt;TContext, TArgument, bool&gt;</c>, or null.</summary>
    internal Delegate? Condition { get; }

    /// <summary>A branch taken when <paramref name="condition"/> holds for the case.</summary>
    public static Branch<TState, TContext> When(TState target, string label, Func<TContext, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new Branch<TState, TContext>(target, label, condition, null);
    }

    /// <summary>A branch taken when <paramref name="condition"/> holds for the case and the action's argument.</summary>
    public static Branch<TState, TContext> When<TArgument>(TState target, string label, Func<TContext, TArgument, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new Branch<TState, TContext>(target, label, condition, typeof(TArgument));
    }

    /// <summary>The branch taken when no earlier one applies; it must come last.</summary>
    public static Branch<TState, TContext> Otherwise(TState target) => new(target, null, null, null);

    /// <summary>A branch to <paramref name="target"/> with no condition: how a plain transition is stored.</summary>
    internal static Branch<TState, TContext> Always(TState target) => Otherwise(target);
}
