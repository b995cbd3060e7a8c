using AfterSales.Disputes.Application.Ports;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// The deadline queue: a row per dispute with a running deadline, written with the dispute. A claim leases the
/// due rows to one worker (hosts claim disjoint batches, see <see cref="RowLocks"/>); a crashed worker's lease runs out.
/// </summary>
internal sealed class EfDeadlineQueue : IDeadlineQueue
{
    private readonly AfterSalesDbContext _db;
    private readonly StoreTransactions _transactions;

    public EfDeadlineQueue(AfterSalesDbContext db, StoreTransactions transactions)
    {
        _db = db;
        _transactions = transactions;
    }

    public Task<IReadOnlyList<DueDeadline>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, string workerId, CancellationToken cancellationToken) =>
        _transactions.RunAsync(async () =>
        {
            var due = await _db.Deadlines
                .Where(d => d.DueAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
                .OrderBy(d => d.DueAt)
                .ClaimAsync(batchSize, cancellationToken).ConfigureAwait(false);
            var ids = due.Select(d => d.DisputeId).ToList();
            var until = now + lease;
            await _db.Deadlines.Where(d => ids.Contains(d.DisputeId))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, until).SetProperty(d => d.LeaseOwner, workerId), cancellationToken)
                .ConfigureAwait(false);
            return (IReadOnlyList<DueDeadline>)[.. due.Select(d => new DueDeadline(d.DisputeId, d.DueAt))];
        }, cancellationToken);

    public Task<long> CountDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _db.Deadlines.AsNoTracking().LongCountAsync(d => d.DueAt <= now, cancellationToken);
}
