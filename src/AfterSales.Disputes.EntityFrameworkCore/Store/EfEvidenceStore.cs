using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>Records of uploaded evidence files (the files themselves live in the host's file store).</summary>
internal sealed class EfEvidenceStore : IEvidenceStore
{
    private readonly AfterSalesDbContext _db;
    private readonly StoreTransactions _transactions;

    public EfEvidenceStore(AfterSalesDbContext db, StoreTransactions transactions)
    {
        _db = db;
        _transactions = transactions;
    }

    public Task AddAsync(EvidenceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _transactions.RunAsync(async () =>
        {
            _db.EvidenceFiles.Add(new EvidenceFileRow
            {
                Id = file.Id, DisputeId = file.DisputeId, UploadedBy = file.UploadedBy, UploaderId = file.UploaderId, FileName = file.FileName,
                ContentType = file.ContentType, Size = file.Size, Sha256 = file.Sha256, UploadedAt = file.UploadedAt,
            });
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public async Task<EvidenceFile?> FindAsync(string fileId, CancellationToken cancellationToken) =>
        await _db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken).ConfigureAwait(false) is { } row ? ToFile(row) : null;

    public async Task<IReadOnlyList<EvidenceFile>> FindManyAsync(IReadOnlyCollection<string> fileIds, CancellationToken cancellationToken) =>
        [.. (await _db.EvidenceFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(ToFile)];

    public Task<IReadOnlyList<string>> RemoveUnattachedAsync(DateTimeOffset uploadedBefore, CancellationToken cancellationToken) =>
        _transactions.RunAsync<IReadOnlyList<string>>(async () =>
        {
            // Held until the end: a request attaching one of them meanwhile waits, then finds it gone (and fails as a conflict).
            var unused = (await _db.EvidenceFiles.Where(f => f.DisputeId == null && f.UploadedAt < uploadedBefore).HoldAsync(cancellationToken)
                .ConfigureAwait(false)).Select(f => f.Id).ToList();
            await _db.EvidenceFiles.Where(f => unused.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return unused;
        }, cancellationToken);

    public async Task<IReadOnlyList<EvidenceFile>> ForDisputeAsync(string disputeId, CancellationToken cancellationToken) =>
        [.. (await _db.EvidenceFiles.AsNoTracking().Where(f => f.DisputeId == disputeId).OrderBy(f => f.UploadedAt)
            .Take(EvidenceFile.MaxPerDispute).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(ToFile)];

    private static EvidenceFile ToFile(EvidenceFileRow row) =>
        new(row.Id, row.DisputeId, row.UploadedBy, row.UploaderId, row.FileName, row.ContentType, row.Size, row.Sha256, row.UploadedAt);
}
