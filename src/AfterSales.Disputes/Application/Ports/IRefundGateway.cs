using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>A refund to pay. <see cref="RefundId"/> is the idempotency key: the gateway pays it at most once.</summary>
/// <param name="RefundId">The idempotent refund id.</param>
/// <param name="DisputeId">The dispute.</param>
/// <param name="OrderId">The order to refund.</param>
/// <param name="Amount">How much.</param>
/// <param name="Attempt">1 for the first attempt, then one more per retry.</param>
public sealed record RefundOrder(string RefundId, string DisputeId, string OrderId, Amount Amount, int Attempt)
{
    /// <summary>What the refund pays back: the dispute's agreed refund (the default) or a failed repair's fee.</summary>
    public RefundPurpose Purpose { get; init; }
}

/// <summary>What a refund pays back.</summary>
public enum RefundPurpose
{
    /// <summary>The refund a dispute agreed (recorded with <c>RecordRefundSuccess</c> or <c>RecordRefundFailure</c>).</summary>
    Dispute,

    /// <summary>The fee of a repair that failed (recorded with <c>RecordFeeRefund</c>).</summary>
    RepairFee,
}

/// <summary>
/// The gateway's answer: paid (with its reference), failed (with why), or accepted and still being paid
/// (<see cref="Pending"/>), whose end the payment service's callback records or the next attempt, with the same id, finds.
/// </summary>
/// <param name="Succeeded">Whether the refund is paid.</param>
/// <param name="Reference">The gateway's reference when paid.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record RefundOutcome(bool Succeeded, string? Reference, string? Failure)
{
    /// <summary>Accepted by the payment service but not paid yet: the dispute waits for the answer within its refund answer window.</summary>
    public bool Pending { get; init; }

    /// <summary>A refund the payment service accepted and pays later.</summary>
    public static RefundOutcome Accepted(string? reference = null) => new(false, reference, null) { Pending = true };

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
