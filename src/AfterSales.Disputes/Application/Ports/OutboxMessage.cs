namespace AfterSales.Disputes.Application.Ports;

/// <summary>What an outbox message asks the dispatcher to do.</summary>
public enum OutboxKind
{
    /// <summary>A dispute event, delivered to webhook subscriptions.</summary>
    DisputeEvent,

    /// <summary>A refund to execute through the platform's <see cref="IRefundGateway"/>.</summary>
    RefundRequested,

    /// <summary>A repair fee to charge through the platform's <see cref="IPaymentGateway"/>.</summary>
    ChargeRequested,

    /// <summary>A charged repair fee to refund through the platform's <see cref="IRefundGateway"/>, because the repair failed.</summary>
    FeeRefundRequested,

    /// <summary>An event about a store rather than a case (its assessment level changed), delivered to its webhook subscriptions and the platform's.</summary>
    StoreEvent,
}

/// <summary>
/// A message written in the same transaction as the state change that caused it, and dispatched after
/// commit. Its id is stable (<c>dispute-1:7</c>, <c>dispute-1-refund:2</c>), so receivers can deduplicate.
/// </summary>
/// <param name="Id">The stable id.</param>
/// <param name="Kind">What to do.</param>
/// <param name="DisputeId">The dispute it is about; empty for a <see cref="OutboxKind.StoreEvent"/>.</param>
/// <param name="StoreId">The store of the dispute, or the store a store event is about (webhooks go to its subscriptions and the platform's).</param>
/// <param name="Type">The event type, such as <c>dispute.approve</c> or <c>refund.requested</c>.</param>
/// <param name="Payload">The JSON body.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record OutboxMessage(string Id, OutboxKind Kind, string DisputeId, string StoreId, string Type, string Payload, DateTimeOffset CreatedAt);

/// <summary>An outbox message claimed for dispatch, with how often it was tried.</summary>
/// <param name="Message">The message.</param>
/// <param name="Attempts">Failed attempts so far.</param>
public sealed record ClaimedOutboxMessage(OutboxMessage Message, int Attempts);

/// <summary>The transactional outbox.</summary>
public interface IOutboxStore
{
    /// <summary>Claims up to <paramref name="batchSize"/> messages due at <paramref name="now"/> for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a message dispatched.</summary>
    Task CompleteAsync(string messageId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a failed dispatch; the message is tried again at <paramref name="retryAt"/>.</summary>
    Task FailAsync(string messageId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>How many messages are not completed yet (for the outbox depth metric).</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);
}
