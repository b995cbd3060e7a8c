using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>The API's idempotency keys: the first request with a key runs, a repeat gets the stored answer.</summary>
internal sealed class EfIdempotencyStore : IIdempotencyStore
{
    private readonly AfterSalesDbContext _db;
    private readonly StoreTransactions _transactions;

    public EfIdempotencyStore(AfterSalesDbContext db, StoreTransactions transactions)
    {
        _db = db;
        _transactions = transactions;
    }

    public async Task<(IdempotencyState State, StoredResponse? Response)> BeginAsync(string scope, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await _transactions.RunAsync(async () =>
            {
                await _db.IdempotencyRecords.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                var existing = await _db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    return existing.RequestHash != requestHash ? (IdempotencyState.Mismatch, null)
                        : existing.Completed ? (IdempotencyState.Replay, new StoredResponse(existing.StatusCode!.Value, existing.ContentType, existing.Body ?? [], existing.Location, existing.ETag))
                        : (IdempotencyState.InProgress, (StoredResponse?)null);
                }

                _db.IdempotencyRecords.Add(new IdempotencyRecordRow
                {
                    Scope = scope, Key = key, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now + IIdempotencyStore.Retention,
                });
                await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return (IdempotencyState.Started, (StoredResponse?)null);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (_db.IsUniqueViolation(exception))
        {
            return (IdempotencyState.InProgress, null); // claimed by a concurrent request a moment ago
        }
    }

    public Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return _transactions.RunAsync(() => _db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Completed, true)
            .SetProperty(r => r.StatusCode, response.StatusCode)
            .SetProperty(r => r.ContentType, response.ContentType)
            .SetProperty(r => r.Body, response.Body)
            .SetProperty(r => r.Location, response.Location)
            .SetProperty(r => r.ETag, response.ETag), cancellationToken), cancellationToken);
    }

    public Task AbandonAsync(string scope, string key, CancellationToken cancellationToken) =>
        _transactions.RunAsync(() => _db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && !r.Completed).ExecuteDeleteAsync(cancellationToken), cancellationToken);
}
