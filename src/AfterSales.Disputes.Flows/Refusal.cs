namespace AfterSales.Disputes.Flows;

/// <summary>Why a flow refused an action.</summary>
public enum RefusalReason
{
    /// <summary>The current state does not permit the action at all.</summary>
    NotPermittedInState,

    /// <summary>The state permits the action, but to other parties.</summary>
    NotThisParty,

    /// <summary>The party may take the action here, but one of its guards does not hold.</summary>
    GuardFailed,

    /// <summary>An expiry was fired while no running deadline was due.</summary>
    NoDeadlineDue,
}

/// <summary>
/// A refused action, as a value: business refusals are answers, not exceptions. The
/// <see cref="Message"/> is written for the party who tried.
/// </summary>
/// <typeparam name="TState">The flow's state type.</typeparam>
/// <typeparam name="TAction">The flow's action type.</typeparam>
/// <typeparam name="TParty">The parties who take actions: a [Flags] enum with one bit per party.</typeparam>
/// <param name="Action">The action that was refused.</param>
/// <param name="State">The state it was tried in.</param>
/// <param name="By">The party that tried it.</param>
/// <param name="Reason">The kind of refusal.</param>
/// <param name="AllowedParties">Who may take the action in this state (no party, the enum's zero, if nobody).</param>
/// <param name="GuardLabel">For <see cref="RefusalReason.GuardFailed"/>, the label of the guard that did not hold.</param>
public readonly record struct Refusal<TState, TAction, TParty>(
    TAction Action,
    TState State,
    TParty By,
    RefusalReason Reason,
    TParty AllowedParties,
    string? GuardLabel)
    where TState : struct, Enum
    where TAction : struct, Enum
    where TParty : struct, Enum
{
    /// <summary>A sentence that explains the refusal.</summary>
    public string Message => Reason switch
    {
        RefusalReason.NotPermittedInState => $"{Action} is not permitted in state {State}.",
        RefusalReason.NotThisParty => $"{Action} in state {State} is for {Parties<TParty>.Names(AllowedParties)}, not {By}.",
        RefusalReason.GuardFailed => $"{Action} in state {State} requires that {GuardLabel}.",
        RefusalReason.NoDeadlineDue => $"No deadline is due in state {State}.",
        _ => $"{Action} was refused in state {State}.",
    };
}
