using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>
/// Where disputes live. A dispute is stored as its timeline (rebuilt on load) plus a summary for
/// queries, its live deadline and the outbox messages its new events produced — all in one transaction.
/// </summary>
public interface IDisputeStore
{
    /// <summary>The dispute with this id, rebuilt from its timeline, or null.</summary>
    Task<Dispute?> FindAsync(string disputeId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a dispute atomically with respect to the order's other disputes: loads the order and its
    /// disputes while holding the order, lets <paramref name="open"/> decide, and saves the new dispute.
    /// </summary>
    /// <returns>Null when the order is not registered; otherwise what <paramref name="open"/> returned.</returns>
    Task<OpenOutcome?> OpenAsync(string orderId, Func<OrderRefunds, OpenOutcome> open, Func<Dispute, IReadOnlyList<OutboxMessage>> outbox, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the events appended since <paramref name="expectedVersion"/>, the new summary and deadline, and
    /// <paramref name="outbox"/>, in one transaction.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Someone else saved the dispute since it was loaded.</exception>
    Task SaveAsync(Dispute dispute, int expectedVersion, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken);

    /// <summary>The disputes with these ids that exist, each rebuilt from its timeline.</summary>
    Task<IReadOnlyList<Dispute>> FindManyAsync(IReadOnlyCollection<string> disputeIds, CancellationToken cancellationToken);

    /// <summary>
    /// Saves several disputes' changes as <see cref="SaveAsync"/> saves one, all in one transaction: all of them
    /// or none.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">
    /// One of them was saved by someone else since it was loaded (the exception names one); nothing was saved.
    /// </exception>
    Task SaveManyAsync(IReadOnlyList<DisputeChanges> changes, CancellationToken cancellationToken);

    /// <summary>A page of dispute summaries matching <paramref name="query"/>, newest first.</summary>
    Task<DisputePage> ListAsync(DisputeQuery query, CancellationToken cancellationToken);
}

/// <summary>A dispute's changes since it was loaded, to be saved.</summary>
/// <param name="Dispute">The dispute after its new events.</param>
/// <param name="ExpectedVersion">The version it was loaded at.</param>
/// <param name="Outbox">The outbox messages its new events produced.</param>
public sealed record DisputeChanges(Dispute Dispute, int ExpectedVersion, IReadOnlyList<OutboxMessage> Outbox);

/// <summary>Orders the platform registered.</summary>
public interface IOrderStore
{
    /// <summary>Registers a snapshot; registering the same snapshot again changes nothing.</summary>
    Task<OrderRegistration> RegisterAsync(Order order, CancellationToken cancellationToken);

    /// <summary>The order with this id, or null.</summary>
    Task<Order?> FindAsync(string orderId, CancellationToken cancellationToken);
}

/// <summary>What registering an order did.</summary>
public enum OrderRegistration
{
    /// <summary>The order is new and was stored.</summary>
    Registered,

    /// <summary>The same snapshot was already registered; nothing changed.</summary>
    AlreadyRegistered,

    /// <summary>A different snapshot with this id is registered; nothing changed.</summary>
    ConflictsWithRegistered,
}

/// <summary>Thrown by a store when a dispute was changed by someone else since it was loaded.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception for a dispute and the version the writer expected.</summary>
    public ConcurrencyConflictException(string disputeId, int expectedVersion, Exception? inner = null)
        : base($"Dispute {disputeId} changed since version {expectedVersion} was read.", inner)
    {
        DisputeId = disputeId;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The dispute.</summary>
    public string DisputeId { get; }

    /// <summary>The version the writer had read.</summary>
    public int ExpectedVersion { get; }
}
