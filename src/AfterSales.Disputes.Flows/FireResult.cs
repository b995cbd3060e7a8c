namespace AfterSales.Disputes.Flows;

/// <summary>The answer to firing an action: either the transition taken or the refusal.</summary>
/// <typeparam name="TState">The flow's state type.</typeparam>
/// <typeparam name="TAction">The flow's action type.</typeparam>
/// <typeparam name="TParty">The parties who take actions: a [Flags] enum with one bit per party.</typeparam>
public readonly struct FireResult<TState, TAction, TParty>
    where TState : struct, Enum
    where TAction : struct, Enum
    where TParty : struct, Enum
{
    private readonly Transition<TState, TAction, TParty> _transition;
    private readonly Refusal<TState, TAction, TParty> _refusal;

    private FireResult(bool accepted, Transition<TState, TAction, TParty> transition, Refusal<TState, TAction, TParty> refusal)
    {
        IsAccepted = accepted;
        _transition = transition;
        _refusal = refusal;
    }

    /// <summary>True when the action was taken.</summary>
    public bool IsAccepted { get; }

    /// <summary>The transition taken.</summary>
    /// <exception cref="InvalidOperationException">The action was refused.</exception>
    public Transition<TState, TAction, TParty> Transition => IsAccepted
        ? _transition
        : throw new InvalidOperationException($"The action was refused: {_refusal.Message}");

    /// <summary>The refusal.</summary>
    /// <exception cref="InvalidOperationException">The action was accepted.</exception>
    public Refusal<TState, TAction, TParty> Refusal => IsAccepted
        ? throw new InvalidOperationException("The action was accepted; there is no refusal.")
        : _refusal;

    /// <summary>An accepted action.</summary>
    public static implicit operator FireResult<TState, TAction, TParty>(Transition<TState, TAction, TParty> transition) =>
        new(true, transition, default);

    /// <summary>A refused action.</summary>
    public static implicit operator FireResult<TState, TAction, TParty>(Refusal<TState, TAction, TParty> refusal) =>
        new(false, default, refusal);

    /// <summary>The transition or the refusal, described.</summary>
    public override string ToString() => IsAccepted
        ? $"{_transition.Action} by {_transition.By}: {_transition.From} -> {_transition.To}"
        : _refusal.Message;
}
