using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Application.Disputes;

/// <summary>
/// A party (or the system) takes one action on a dispute, with the details the action declares
/// (<see cref="DisputeActionInfo.ArgumentType"/>). One command for every action: what an action means lives
/// in its declaration, not in a command type per action.
/// </summary>
/// <param name="DisputeId">The dispute.</param>
/// <param name="Actor">Who acts: the API takes it from the caller's token.</param>
/// <param name="Action">The action.</param>
/// <param name="Details">The action's details, or null for actions that take none.</param>
public sealed record TakeDisputeAction(string DisputeId, Actor Actor, DisputeAction Action, DisputeEventData? Details = null) : DisputeCommand(DisputeId)
{
    internal override Actor ActingParty => Actor;

    /// <inheritdoc/>
    public override IEnumerable<ValidationError> Validate()
    {
        foreach (var error in base.Validate())
        {
            yield return error;
        }

        if (Actor is null)
        {
            yield return new ValidationError("actor", "An action needs the party who takes it.");
        }
    }

    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.Take(Actor, Action, Details, now);
}

/// <summary>The system takes the default outcome of a due deadline (sent by the deadline worker).</summary>
public sealed record ExpireDeadline(string DisputeId) : DisputeCommand(DisputeId)
{
    internal override Actor ActingParty => Actor.System;

    internal override DisputeResult Execute(Dispute dispute, DateTimeOffset now) => dispute.ExpireDeadline(now);
}
