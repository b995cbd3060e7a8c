namespace AfterSales.Disputes.Flows;

/// <summary>The deadline of a state: how long it runs and what happens when it falls due.</summary>
/// <typeparam name="TAction">The flow's action type.</typeparam>
/// <typeparam name="TContext">What the span is read from, usually the case's frozen policy.</typeparam>
/// <param name="Label">What the deadline is, for people and diagrams ("seller response window").</param>
/// <param name="Span">Reads the deadline's length from the context.</param>
/// <param name="ExpiresWith">The action the system takes when it falls due.</param>
public sealed record DeadlineRule<TAction, TContext>(string Label, Func<TContext, DeadlineSpan> Span, TAction ExpiresWith)
    where TAction : struct, Enum;
