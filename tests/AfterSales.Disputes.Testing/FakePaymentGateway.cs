using System.Collections.Concurrent;
using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.Testing;

/// <summary>
/// A payment service for tests: fails the first <see cref="FailuresBeforeSuccess"/> calls of each charge, then
/// charges it once. Like a real one it is idempotent: asking again for a completed charge id returns the first
/// charge's reference and charges nothing more.
/// </summary>
public sealed class FakePaymentGateway : IPaymentGateway
{
    private readonly ConcurrentDictionary<string, int> _failures = new();

    public int FailuresBeforeSuccess { get; set; }

    /// <summary>Whether a new charge is accepted as pending (and taken at once behind the scenes), as a payment service that calls back does.</summary>
    public bool AcceptsAsPending { get; set; }

    /// <summary>Every call, in order.</summary>
    public ConcurrentQueue<ChargeOrder> Calls { get; } = new();

    /// <summary>Charges taken, by charge id.</summary>
    public ConcurrentDictionary<string, ChargeOrder> Charged { get; } = new();

    public Task<ChargeOutcome> ChargeAsync(ChargeOrder charge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charge);
        Calls.Enqueue(charge);
        if (!Charged.ContainsKey(charge.ChargeId) && _failures.AddOrUpdate(charge.ChargeId, 1, (_, count) => count + 1) <= FailuresBeforeSuccess)
        {
            return Task.FromResult(ChargeOutcome.Failed("card declined"));
        }

        var first = Charged.TryAdd(charge.ChargeId, charge);
        return Task.FromResult(AcceptsAsPending && first ? ChargeOutcome.Accepted("pay-" + charge.ChargeId) : ChargeOutcome.Charged("pay-" + charge.ChargeId));
    }
}
