using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Outbox;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using MediatR;

namespace AfterSales.Disputes.Application.Deadlines;

/// <summary>
/// The system takes the default outcome of a batch of due deadlines at once (sent by <see cref="DeadlineRunner"/>):
/// what <see cref="ExpireDeadline"/> does for one dispute, with one load and one save for the whole batch.
/// </summary>
/// <param name="DisputeIds">The disputes whose deadlines were claimed.</param>
public sealed record ExpireDeadlines(IReadOnlyList<string> DisputeIds) : IRequest<int>;

/// <summary>
/// Handles <see cref="ExpireDeadlines"/>: loads the disputes together, lets each decide whether its deadline is
/// due (one that moved on or is not due yet refuses, as with <see cref="ExpireDeadline"/>), and saves every change
/// in one transaction. If someone acted on one of the disputes meanwhile, nothing of the batch is saved and each
/// dispute is sent <see cref="ExpireDeadline"/> on its own instead, so the others still fire and that one decides afresh.
/// </summary>
internal sealed class ExpireDeadlinesHandler : IRequestHandler<ExpireDeadlines, int>
{
    private readonly IDisputeStore _disputes;
    private readonly IMediator _mediator;
    private readonly CommittedEventsPublisher _committed;
    private readonly TimeProvider _time;

    public ExpireDeadlinesHandler(IDisputeStore disputes, IMediator mediator, CommittedEventsPublisher committed, TimeProvider time)
    {
        _disputes = disputes;
        _mediator = mediator;
        _committed = committed;
        _time = time;
    }

    /// <summary>Fires the batch; returns how many deadlines fired.</summary>
    public async Task<int> Handle(ExpireDeadlines request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        var fired = new List<(DisputeChanges Changes, IReadOnlyList<DisputeEvent> Events)>();
        foreach (var dispute in await _disputes.FindManyAsync(request.DisputeIds, cancellationToken).ConfigureAwait(false))
        {
            var loadedVersion = dispute.Version;
            if (dispute.ExpireDeadline(now).Succeeded)
            {
                var appended = dispute.Timeline.Skip(loadedVersion).ToList();
                fired.Add((new DisputeChanges(dispute, loadedVersion, DisputeOutbox.For(dispute, appended)), appended));
            }
        }

        try
        {
            await _disputes.SaveManyAsync([.. fired.Select(f => f.Changes)], cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            var oneByOne = 0;
            foreach (var disputeId in request.DisputeIds)
            {
                var result = await _mediator.Send(new ExpireDeadline(disputeId), cancellationToken).ConfigureAwait(false);
                oneByOne += result.Status == CommandStatus.Succeeded ? 1 : 0;
            }

            return oneByOne;
        }

        foreach (var (changes, events) in fired)
        {
            await _committed.PublishAsync(new DisputeEventsCommitted(changes.Dispute, events), cancellationToken).ConfigureAwait(false);
        }

        return fired.Count;
    }
}
