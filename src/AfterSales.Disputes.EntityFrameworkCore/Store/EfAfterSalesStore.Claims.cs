using AfterSales.Disputes.Application.Ports;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <content>
/// Claims of due work: deadlines, outbox messages and webhook deliveries. On PostgreSQL the rows are
/// selected <c>FOR UPDATE SKIP LOCKED</c>, so several hosts claim disjoint batches without waiting for each
/// other; on SQLite the single writer serialises claims. Either way a claim sets a lease that others respect.
/// </content>
internal sealed partial class EfAfterSalesStore
{
    public Task<IReadOnlyList<DueDeadline>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, string workerId, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var due = _db.IsPostgres
                ? await _db.Deadlines.FromSql($"""
                    SELECT * FROM "Deadlines"
                    WHERE "DueAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                    ORDER BY "DueAt" LIMIT {batchSize} FOR UPDATE SKIP LOCKED
                    """).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)
                : await _db.Deadlines.AsNoTracking()
                    .Where(d => d.DueAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
                    .OrderBy(d => d.DueAt).Take(batchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            var ids = due.Select(d => d.DisputeId).ToList();
            var until = now + lease;
            await _db.Deadlines.Where(d => ids.Contains(d.DisputeId))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, until).SetProperty(d => d.LeaseOwner, workerId), cancellationToken)
                .ConfigureAwait(false);
            return (IReadOnlyList<DueDeadline>)[.. due.Select(d => new DueDeadline(d.DisputeId, d.DueAt))];
        }, cancellationToken);

    public Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var due = _db.IsPostgres
                ? await _db.Outbox.FromSql($"""
                    SELECT * FROM "Outbox"
                    WHERE "CompletedAt" IS NULL AND "NextAttemptAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                    ORDER BY "NextAttemptAt" LIMIT {batchSize} FOR UPDATE SKIP LOCKED
                    """).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)
                : await _db.Outbox.AsNoTracking()
                    .Where(o => o.CompletedAt == null && o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil < now))
                    .OrderBy(o => o.NextAttemptAt).Take(batchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            var ids = due.Select(o => o.Id).ToList();
            var until = now + lease;
            await _db.Outbox.Where(o => ids.Contains(o.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, until), cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<ClaimedOutboxMessage>)[.. due.Select(o => new ClaimedOutboxMessage(Mapping.ToMessage(o), o.Attempts))];
        }, cancellationToken);

    public Task CompleteAsync(string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(() => _db.Outbox.Where(o => o.Id == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CompletedAt, now).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken), cancellationToken);

    public Task FailAsync(string messageId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        InTransactionAsync(() => _db.Outbox.Where(o => o.Id == messageId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.NextAttemptAt, retryAt)
                .SetProperty(o => o.LastError, Truncate(error))
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken), cancellationToken);

    Task<IReadOnlyList<WebhookDelivery>> IWebhookStore.ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var pending = DeliveryStatus.Pending.ToString();
            var due = _db.IsPostgres
                ? await _db.WebhookDeliveries.FromSql($"""
                    SELECT * FROM "WebhookDeliveries"
                    WHERE "Status" = {pending} AND "NextAttemptAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                    ORDER BY "NextAttemptAt" LIMIT {batchSize} FOR UPDATE SKIP LOCKED
                    """).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)
                : await _db.WebhookDeliveries.AsNoTracking()
                    .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
                    .OrderBy(d => d.NextAttemptAt).Take(batchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            var ids = due.Select(d => d.Id).ToList();
            var until = now + lease;
            await _db.WebhookDeliveries.Where(d => ids.Contains(d.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, until), cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<WebhookDelivery>)[.. due.Select(Mapping.ToDelivery)];
        }, cancellationToken);

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
