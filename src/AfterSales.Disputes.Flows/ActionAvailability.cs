namespace AfterSales.Disputes.Flows;

/// <summary>
/// Whether one action is available to a party in a state, and if not, why not.
/// </summary>
/// <typeparam name="TState">The flow's state type.</typeparam>
/// <typeparam name="TAction">The flow's action type.</typeparam>
/// <typeparam name="TParty">The parties who take actions: a [Flags] enum with one bit per party.</typeparam>
/// <param name="Action">The action.</param>
/// <param name="Refusal">Why the action is refused, or null when the party may take it.</param>
/// <param name="ArgumentType">The argument the action takes, or null; its argument guards are checked when it is fired.</param>
public sealed record ActionAvailability<TState, TAction, TParty>(
    TAction Action,
    Refusal<TState, TAction, TParty>? Refusal,
    Type? ArgumentType)
    where TState : struct, Enum
    where TAction : struct, Enum
    where TParty : struct, Enum
{
    /// <summary>True when the party may take the action now.</summary>
    public bool IsAllowed => Refusal is null;
}
