namespace AfterSales.Disputes.Flows;

/// <summary>
/// A named condition on the argument of a parameterised action, such as "the partial refund does not
/// exceed the refundable amount". Argument guards are checked when the action is fired with its
/// argument; when listing the actions a party may take, no argument exists yet, so they are skipped.
/// </summary>
/// <typeparam name="TContext">What the condition reads besides the argument.</typeparam>
/// <typeparam name="TArgument">The action's argument type, declared with <c>Takes&lt;TArgument&gt;</c>.</typeparam>
/// <param name="Label">A short, human-readable statement of what must hold.</param>
/// <param name="Condition">The condition itself; it must not change anything.</param>
public sealed record ArgumentGuard<TContext, TArgument>(string Label, Func<TContext, TArgument, bool> Condition);
