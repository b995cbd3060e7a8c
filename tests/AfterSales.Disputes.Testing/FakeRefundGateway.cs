using System.Collections.Concurrent;
using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.Testing;

/// <summary>
/// A refund gateway for tests: fails the first <see cref="FailuresBeforeSuccess"/> calls of each refund,
/// then pays it once. Like a real gateway it is idempotent: asking again for a paid refund id returns the
/// first payment's reference and pays nothing more.
/// </summary>
public sealed class FakeRefundGateway : IRefundGateway
{
    private readonly ConcurrentDictionary<string, int> _failures = new();

    public int FailuresBeforeSuccess { get; set; }

    /// <summary>Whether a new refund is accepted as pending (and paid at once behind the scenes), as a payment service that calls back does.</summary>
    public bool AcceptsAsPending { get; set; }

    /// <summary>Every call, in order.</summary>
    public ConcurrentQueue<RefundOrder> Calls { get; } = new();

    /// <summary>Refunds paid, by refund id.</summary>
    public ConcurrentDictionary<string, RefundOrder> Paid { get; } = new();

    public Task<RefundOutcome> RefundAsync(RefundOrder refund, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        Calls.Enqueue(refund);
        if (Paid.ContainsKey(refund.RefundId))
        {
            return Task.FromResult(RefundOutcome.Paid("pay-" + refund.RefundId));
        }

        if (_failures.AddOrUpdate(refund.RefundId, 1, (_, count) => count + 1) <= FailuresBeforeSuccess)
        {
            return Task.FromResult(RefundOutcome.Failed("gateway unavailable"));
        }

        Paid[refund.RefundId] = refund;
        return Task.FromResult(AcceptsAsPending ? RefundOutcome.Accepted("pay-" + refund.RefundId) : RefundOutcome.Paid("pay-" + refund.RefundId));
    }
}
