namespace AfterSales.Disputes.Flows;

/// <summary>
/// An effect run on entering a state: for every action, or only for <see cref="FromAction"/>;
/// <see cref="Effect"/> is an <c>Action&lt;TContext, Transition&gt;</c>, or with an argument an
/// <c>Action&lt;TContext, TArgument, Transition&gt;</c>.
/// </summary>
internal sealed record EntryEffect<TAction>(TAction? FromAction, Type? ArgumentType, Delegate Effect)
    where TAction : struct, Enum;
