using AfterSales.Disputes.Disputes;
using MediatR;

namespace AfterSales.Disputes.Application.Disputes;

/// <summary>
/// A request to take one action on a dispute: <see cref="TakeDisputeAction"/> for a party's (or the system's)
/// action, <see cref="ExpireDeadline"/> for a due deadline. <see cref="DisputeCommandHandler{TCommand}"/> loads,
/// checks that the acting party may see the dispute and the version, saves, and hands the committed events to the observers for both.
/// </summary>
/// <param name="DisputeId">The dispute.</param>
public abstract record DisputeCommand(string DisputeId) : IRequest<DisputeCommandResult>, IValidatable
{
    /// <summary>
    /// The version the caller last saw (the API's <c>If-Match</c>); when set and the dispute has moved on,
    /// the command is answered <see cref="CommandStatus.StaleVersion"/> and nothing changes.
    /// </summary>
    public int? ExpectedVersion { get; init; }

    /// <summary>Who acts: a dispute this party may not see is answered <see cref="CommandStatus.NotFound"/>.</summary>
    internal abstract Actor ActingParty { get; }

    /// <summary>Takes the action on the loaded dispute.</summary>
    internal abstract DisputeResult Execute(Dispute dispute, DateTimeOffset now);

    /// <inheritdoc/>
    public virtual IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(DisputeId))
        {
            yield return new ValidationError("disputeId", "A dispute id is required.");
        }
    }
}

/// <summary>How a command ended.</summary>
public enum CommandStatus
{
    /// <summary>The action was taken and saved.</summary>
    Succeeded,

    /// <summary>The dispute refused the action; see the refusal. Nothing changed.</summary>
    Refused,

    /// <summary>No dispute (or order) with this id.</summary>
    NotFound,

    /// <summary>The caller's expected version is not the dispute's. Nothing changed.</summary>
    StaleVersion,

    /// <summary>Someone else saved the dispute at the same time. Nothing changed; retry.</summary>
    Conflict,
}

/// <summary>The answer to a dispute command.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Dispute">The dispute as it is now (after the action, or unchanged), when found.</param>
/// <param name="Refusal">The refusal, when refused.</param>
/// <param name="Events">The events the command appended (the action and any system follow-ups).</param>
public sealed record DisputeCommandResult(CommandStatus Status, Dispute? Dispute, DisputeRefusal? Refusal, IReadOnlyList<DisputeEvent> Events)
{
    internal static DisputeCommandResult NotFound { get; } = new(CommandStatus.NotFound, null, null, []);
}
