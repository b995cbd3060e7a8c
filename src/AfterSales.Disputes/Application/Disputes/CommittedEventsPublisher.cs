using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.Application.Disputes;

/// <summary>Hands committed events to every registered <see cref="IDisputeEventsObserver"/>, in registration order.</summary>
internal sealed class CommittedEventsPublisher(IEnumerable<IDisputeEventsObserver> observers)
{
    public async Task PublishAsync(DisputeEventsCommitted committed, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.OnCommittedAsync(committed, cancellationToken).ConfigureAwait(false);
        }
    }
}
