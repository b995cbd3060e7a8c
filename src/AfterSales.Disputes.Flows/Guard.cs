namespace AfterSales.Disputes.Flows;

/// <summary>
/// A named condition on a transition. The label is what a party is told when the guard refuses
/// an action ("a reason code is given") and what the exported diagrams show.
/// </summary>
/// <typeparam name="TContext">What the condition reads: the case, its policy, the order.</typeparam>
/// <param name="Label">A short, human-readable statement of what must hold.</param>
/// <param name="Condition">The condition itself; it must not change anything.</param>
public sealed record Guard<TContext>(string Label, Func<TContext, bool> Condition);
