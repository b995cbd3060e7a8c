using AfterSales.Disputes.Application.Evidence;
using AfterSales.Disputes.Application.Outbox;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using MediatR;

namespace AfterSales.Disputes.Application.Disputes;

/// <summary>
/// Handles every <see cref="DisputeCommand"/>: loads the dispute once, hides it from a party who may not see
/// it, checks the caller's expected version,
/// takes the action, saves the new events with their outbox messages in one transaction, and only then
/// hands <see cref="DisputeEventsCommitted"/> to the platform's observers.
/// </summary>
/// <typeparam name="TCommand">The command.</typeparam>
internal sealed class DisputeCommandHandler<TCommand> : IRequestHandler<TCommand, DisputeCommandResult>
    where TCommand : DisputeCommand
{
    private readonly IDisputeStore _disputes;
    private readonly IEvidenceStore _evidence;
    private readonly CommittedEventsPublisher _committed;
    private readonly TimeProvider _time;

    public DisputeCommandHandler(IDisputeStore disputes, IEvidenceStore evidence, CommittedEventsPublisher committed, TimeProvider time)
    {
        _disputes = disputes;
        _evidence = evidence;
        _committed = committed;
        _time = time;
    }

    /// <inheritdoc/>
    public async Task<DisputeCommandResult> Handle(TCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = Telemetry.DisputeTelemetry.Source.StartActivity("dispute command");
        activity?.SetTag("aftersales.dispute.id", request.DisputeId);
        activity?.SetTag("aftersales.command", request is TakeDisputeAction taking ? taking.Action.ToString() : typeof(TCommand).Name);
        var dispute = await _disputes.FindAsync(request.DisputeId, cancellationToken).ConfigureAwait(false);
        if (dispute is null || !dispute.IsVisibleTo(request.ActingParty))
        {
            // A dispute the party may not see is answered as one that does not exist: nothing about it leaks.
            return DisputeCommandResult.NotFound;
        }

        if (request.ExpectedVersion is { } expected && expected != dispute.Version)
        {
            return new DisputeCommandResult(CommandStatus.StaleVersion, dispute, null, []);
        }

        DisputeCommand command = request;
        if (request is TakeDisputeAction { Details: { } details } take)
        {
            // The files the details name are checked, and their hashes go into the event (the store attaches them);
            // whatever files a caller put in the details themselves are replaced.
            var named = details is IReferencesFiles references ? references.FileReferences() : [];
            var (files, problem) = await FileChecks.CheckAsync(_evidence, take.Actor, dispute.Id, named, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return new DisputeCommandResult(CommandStatus.Refused, dispute, new DisputeRefusal(DisputeRefusalCode.InvalidInput, problem, []), []);
            }

            if (files is not null || details.Files is not null)
            {
                command = take with { Details = details with { Files = files } };
            }
        }

        var loadedVersion = dispute.Version;
        var result = command.Execute(dispute, _time.GetUtcNow());
        if (!result.Succeeded)
        {
            return new DisputeCommandResult(CommandStatus.Refused, dispute, result.Refusal, []);
        }

        var appended = dispute.Timeline.Skip(loadedVersion).ToList();
        try
        {
            await _disputes.SaveAsync(dispute, loadedVersion, DisputeOutbox.For(dispute, appended), cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return new DisputeCommandResult(CommandStatus.Conflict, null, null, []);
        }

        await _committed.PublishAsync(new DisputeEventsCommitted(dispute, appended), cancellationToken).ConfigureAwait(false);
        return new DisputeCommandResult(CommandStatus.Succeeded, dispute, null, appended);
    }
}

/// <summary>
/// A dispute's new events, once committed: what an <see cref="IDisputeEventsObserver"/> of the embedding platform
/// receives to react in process (the outbox delivers the same events to webhooks).
/// </summary>
/// <param name="Dispute">The dispute after the events.</param>
/// <param name="Events">The committed events, oldest first.</param>
public sealed record DisputeEventsCommitted(Dispute Dispute, IReadOnlyList<DisputeEvent> Events);
