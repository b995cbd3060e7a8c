namespace AfterSales.Disputes.Disputes;

/// <summary>Why a dispute refused an action.</summary>
public enum DisputeRefusalCode
{
    /// <summary>The actor is not a party to this dispute (another buyer, another store).</summary>
    NotAParty,

    /// <summary>The flow does not allow this action now, for this party, or a condition does not hold.</summary>
    NotAllowed,

    /// <summary>The details are invalid: blank, negative, the wrong currency, missing evidence.</summary>
    InvalidInput,

    /// <summary>The refund would exceed what can still be refunded for the order line.</summary>
    OverRefund,

    /// <summary>The request does not pass eligibility.</summary>
    NotEligible,

    /// <summary>Another request on the same order line is still open.</summary>
    LineAlreadyDisputed,
}

/// <summary>A refused action: the code, a sentence for the party, and what that party may do instead.</summary>
/// <param name="Code">The kind of refusal.</param>
/// <param name="Message">What happened, for the party who tried.</param>
/// <param name="AllowedActions">The actions this party may take now.</param>
public sealed record DisputeRefusal(DisputeRefusalCode Code, string Message, IReadOnlyList<DisputeAction> AllowedActions);

/// <summary>The answer to an intent method: the timeline event it appended, or the refusal.</summary>
/// <param name="Event">The event appended, when the action was taken.</param>
/// <param name="Refusal">The refusal, when it was not; the dispute is then unchanged.</param>
public readonly record struct DisputeResult(DisputeEvent? Event, DisputeRefusal? Refusal)
{
    /// <summary>True when the action was taken.</summary>
    public bool Succeeded => Refusal is null;

    /// <summary>An accepted action.</summary>
    public static DisputeResult Accepted(DisputeEvent appended) => new(appended, null);

    /// <summary>A refused action.</summary>
    public static DisputeResult Refused(DisputeRefusal refusal) => new(null, refusal);
}
