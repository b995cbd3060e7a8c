namespace AfterSales.Disputes.Flows;

/// <summary>A transition that was taken: the outcome of an accepted action.</summary>
/// <typeparam name="TState">The flow's state type.</typeparam>
/// <typeparam name="TAction">The flow's action type.</typeparam>
/// <typeparam name="TParty">The parties who take actions: a [Flags] enum with one bit per party.</typeparam>
/// <param name="From">The state before the action.</param>
/// <param name="To">The state after it (equal to <paramref name="From"/> for internal and re-entering actions).</param>
/// <param name="Action">The action taken.</param>
/// <param name="By">The party that took it.</param>
/// <param name="At">When it was taken.</param>
/// <param name="IsInternal">True when the action stayed in the state without leaving it: no effects ran and the deadline kept running.</param>
/// <param name="Deadline">The deadline that applies after the action, or null when none does.</param>
public readonly record struct Transition<TState, TAction, TParty>(
    TState From,
    TState To,
    TAction Action,
    TParty By,
    DateTimeOffset At,
    bool IsInternal,
    Deadline<TAction>? Deadline)
    where TState : struct, Enum
    where TAction : struct, Enum
    where TParty : struct, Enum;
