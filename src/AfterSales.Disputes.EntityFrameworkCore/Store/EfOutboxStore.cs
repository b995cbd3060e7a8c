using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.EntityFrameworkCore.Configurations;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// The transactional outbox: messages written in the transaction of the events they tell, claimed by the
/// dispatcher with a lease (hosts claim disjoint batches, see <see cref="RowLocks"/>), completed or retried later.
/// </summary>
internal sealed class EfOutboxStore : IOutboxStore
{
    private readonly AfterSalesDbContext _db;
    private readonly StoreTransactions _transactions;

    public EfOutboxStore(AfterSalesDbContext db, StoreTransactions transactions)
    {
        _db = db;
        _transactions = transactions;
    }

    public Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken) =>
        _transactions.RunAsync(async () =>
        {
            var due = await _db.Outbox
                .Where(o => o.CompletedAt == null && o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil < now))
                .OrderBy(o => o.NextAttemptAt)
                .ClaimAsync(batchSize, cancellationToken).ConfigureAwait(false);
            var ids = due.Select(o => o.Id).ToList();
            var until = now + lease;
            await _db.Outbox.Where(o => ids.Contains(o.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, until), cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<ClaimedOutboxMessage>)[.. due.Select(o => new ClaimedOutboxMessage(Mapping.ToMessage(o), o.Attempts))];
        }, cancellationToken);

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        _db.Outbox.AsNoTracking().LongCountAsync(o => o.CompletedAt == null, cancellationToken);

    public Task CompleteAsync(string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _transactions.RunAsync(() => _db.Outbox.Where(o => o.Id == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CompletedAt, now).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken), cancellationToken);

    public Task FailAsync(string messageId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        _transactions.RunAsync(() => _db.Outbox.Where(o => o.Id == messageId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.NextAttemptAt, retryAt)
                .SetProperty(o => o.LastError, Lengths.FitText(error))
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken), cancellationToken);
}
