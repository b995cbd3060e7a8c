namespace AfterSales.Disputes.Disputes;

/// <summary>
/// One immutable entry of a dispute's timeline: who did what, from which state to which, when, with
/// which details. The buyer's progress view is the timeline; the dispute can be rebuilt from it.
/// </summary>
/// <param name="DisputeId">The dispute.</param>
/// <param name="Sequence">1 for the opening, then one more per event; equals the dispute's version after it.</param>
/// <param name="At">When it happened.</param>
/// <param name="Party">The kind of party that acted.</param>
/// <param name="ActorId">The party's id.</param>
/// <param name="Action">What was done.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Data">The details: amounts, tracking numbers, reason codes, evidence ids.</param>
public sealed record DisputeEvent(
    string DisputeId,
    int Sequence,
    DateTimeOffset At,
    Party Party,
    string ActorId,
    DisputeAction Action,
    DisputeState From,
    DisputeState To,
    DisputeEventData? Data)
{
    /// <summary>Who acted.</summary>
    public Actor Actor => new(Party, ActorId);
}
