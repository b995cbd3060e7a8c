using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <content>Idempotency keys and evidence file records.</content>
internal sealed partial class EfAfterSalesStore : IIdempotencyStore, IEvidenceStore
{
    public async Task<(IdempotencyState State, StoredResponse? Response)> BeginAsync(string scope, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await InTransactionAsync(async () =>
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
        return InTransactionAsync(() => _db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Completed, true)
            .SetProperty(r => r.StatusCode, response.StatusCode)
            .SetProperty(r => r.ContentType, response.ContentType)
            .SetProperty(r => r.Body, response.Body)
            .SetProperty(r => r.Location, response.Location)
            .SetProperty(r => r.ETag, response.ETag), cancellationToken), cancellationToken);
    }

    public Task AbandonAsync(string scope, string key, CancellationToken cancellationToken) =>
        InTransactionAsync(() => _db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && !r.Completed).ExecuteDeleteAsync(cancellationToken), cancellationToken);

    public Task AddAsync(EvidenceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return InTransactionAsync(async () =>
        {
            _db.EvidenceFiles.Add(new EvidenceFileRow
            {
                Id = file.Id, DisputeId = file.DisputeId, UploadedBy = file.UploadedBy, UploaderId = file.UploaderId, FileName = file.FileName,
                ContentType = file.ContentType, Size = file.Size, Sha256 = file.Sha256, UploadedAt = file.UploadedAt,
            });
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    async Task<EvidenceFile?> IEvidenceStore.FindAsync(string fileId, CancellationToken cancellationToken) =>
        await _db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken).ConfigureAwait(false) is { } row ? ToFile(row) : null;

    public async Task<IReadOnlyList<EvidenceFile>> ForDisputeAsync(string disputeId, CancellationToken cancellationToken) =>
        [.. (await _db.EvidenceFiles.AsNoTracking().Where(f => f.DisputeId == disputeId).OrderBy(f => f.UploadedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(ToFile)];

    private static EvidenceFile ToFile(EvidenceFileRow row) =>
        new(row.Id, row.DisputeId, row.UploadedBy, row.UploaderId, row.FileName, row.ContentType, row.Size, row.Sha256, row.UploadedAt);
}
