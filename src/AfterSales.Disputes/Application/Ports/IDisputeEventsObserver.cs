using AfterSales.Disputes.Application.Disputes;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>
/// Reacts in process to a dispute's events once they are committed; register one with
/// <see cref="AfterSalesBuilder.ObserveCommittedEvents{TObserver}"/>. Observers run one after another in the
/// scope of the request that committed the events, after the commit: a failing observer cannot undo them.
/// Webhooks (through the outbox) deliver the same events out of process, with retries.
/// </summary>
public interface IDisputeEventsObserver
{
    /// <summary>Called once per commit, with the events it appended.</summary>
    Task OnCommittedAsync(DisputeEventsCommitted committed, CancellationToken cancellationToken);
}
