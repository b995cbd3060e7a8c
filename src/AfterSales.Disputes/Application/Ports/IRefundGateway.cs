using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>A refund to pay. <see cref="RefundId"/> is the idempotency key: the gateway pays it at most once.</summary>
/// <param name="RefundId">The idempotent refund id.</param>
/// <param name="DisputeId">The dispute.</param>
/// <param name="OrderId">The order to refund.</param>
/// <param name="Amount">How much.</param>
/// <param name="Attempt">1 for the first attempt, then one more per retry.</param>
public sealed record RefundOrder(string RefundId, string DisputeId, string OrderId, Amount Amount, int Attempt);

/// <summary>The gateway's answer: paid (with its reference) or failed (with why).</summary>
/// <param name="Succeeded">Whether the refund is paid.</param>
/// <param name="Reference">The gateway's reference when paid.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record RefundOutcome(bool Succeeded, string? Reference, string? Failure)
{
    /// <summary>A paid refund.</summary>
    public static RefundOutcome Paid(string reference) => new(true, reference, null);

    /// <summary>A failed refund.</summary>
    public static RefundOutcome Failed(string failure) => new(false, null, failure);
}

/// <summary>
/// The platform's payment side: pays refunds back to the buyer. The platform implements it; the engine
/// calls it from the outbox with the same refund id on every retry.
/// </summary>
public interface IRefundGateway
{
    /// <summary>Pays the refund, or says why it could not. Must be idempotent by <see cref="RefundOrder.RefundId"/>.</summary>
    Task<RefundOutcome> RefundAsync(RefundOrder refund, CancellationToken cancellationToken);
}
