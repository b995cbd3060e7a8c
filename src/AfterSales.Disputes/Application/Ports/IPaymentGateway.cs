using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>A charge to take from the buyer, such as an accepted repair fee. <see cref="ChargeId"/> is the idempotency key.</summary>
/// <param name="ChargeId">The idempotent charge id: the payment service charges it at most once.</param>
/// <param name="DisputeId">The dispute.</param>
/// <param name="BuyerId">The buyer to charge.</param>
/// <param name="Amount">How much.</param>
/// <param name="Reason">What it pays for, in words, for the buyer's statement.</param>
/// <param name="Attempt">1 for the first attempt, then one more per retry.</param>
public sealed record ChargeOrder(string ChargeId, string DisputeId, string BuyerId, Amount Amount, string Reason, int Attempt);

/// <summary>
/// The payment service's answer: charged (with its reference), failed (with why), or accepted and still being taken
/// (<see cref="Pending"/>), whose end the payment service's callback records or the next attempt finds.
/// </summary>
/// <param name="Succeeded">Whether the buyer was charged.</param>
/// <param name="Reference">The payment service's reference when charged.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record ChargeOutcome(bool Succeeded, string? Reference, string? Failure)
{
    /// <summary>Accepted by the payment service but not charged yet: the dispute waits for the answer within its charge answer window.</summary>
    public bool Pending { get; init; }

    /// <summary>A charge the payment service accepted and takes later.</summary>
    public static ChargeOutcome Accepted(string? reference = null) => new(false, reference, null) { Pending = true };

    /// <summary>A completed charge.</summary>
    public static ChargeOutcome Charged(string reference) => new(true, reference, null);

    /// <summary>A failed charge.</summary>
    public static ChargeOutcome Failed(string failure) => new(false, null, failure);
}

/// <summary>
/// The platform's payment side for money the buyer pays: accepted repair fees. The platform implements it; the
/// engine calls it from the outbox with the same charge id on every retry. Without one, every charge fails (and
/// the device comes back unrepaired after the last attempt).
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Charges the buyer, or says why it could not. Must be idempotent by <see cref="ChargeOrder.ChargeId"/>.</summary>
    Task<ChargeOutcome> ChargeAsync(ChargeOrder charge, CancellationToken cancellationToken);
}
