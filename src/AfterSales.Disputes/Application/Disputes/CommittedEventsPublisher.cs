using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Telemetry;

namespace AfterSales.Disputes.Application.Disputes;

/// <summary>
/// Hands committed events to every registered <see cref="IDisputeEventsObserver"/>, in registration order, and counts
/// them: every opening, action and deadline commits through here.
/// </summary>
internal sealed class CommittedEventsPublisher(IEnumerable<IDisputeEventsObserver> observers, DisputeTelemetry telemetry)
{
    public async Task PublishAsync(DisputeEventsCommitted committed, CancellationToken cancellationToken)
    {
        telemetry.Committed(committed.Events);
        foreach (var observer in observers)
        {
            await observer.OnCommittedAsync(committed, cancellationToken).ConfigureAwait(false);
        }
    }
}
