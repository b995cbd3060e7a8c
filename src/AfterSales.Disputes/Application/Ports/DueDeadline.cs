namespace AfterSales.Disputes.Application.Ports;

/// <summary>A dispute whose live deadline is due.</summary>
/// <param name="DisputeId">The dispute.</param>
/// <param name="DueAt">When its deadline fell due.</param>
public sealed record DueDeadline(string DisputeId, DateTimeOffset DueAt);

/// <summary>The table of live deadlines, one per dispute at most, indexed by due time.</summary>
public interface IDeadlineQueue
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> deadlines due at <paramref name="now"/> for
    /// <paramref name="lease"/>, so that other workers skip them meanwhile (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>).
    /// Firing is exactly-once whatever the lease: the dispute's version decides.
    /// </summary>
    Task<IReadOnlyList<DueDeadline>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, string workerId, CancellationToken cancellationToken);

    /// <summary>How many deadlines are due at <paramref name="now"/>, claimed or not (for the backlog metric).</summary>
    Task<long> CountDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
