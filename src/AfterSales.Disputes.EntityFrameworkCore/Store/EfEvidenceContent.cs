using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// Evidence bytes in the database, one row per file, so that every host on the database serves every upload. A file
/// is held in memory while it is written or read (the host caps uploads, 10 MB by default).
/// </summary>
internal sealed class EfEvidenceContent(AfterSalesDbContext db, StoreTransactions transactions) : IEvidenceContent
{
    public async Task SaveAsync(string fileId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var bytes = new MemoryStream();
        await content.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
        var row = new EvidenceContentRow { FileId = fileId, Content = bytes.ToArray() };
        await transactions.RunAsync(async () =>
        {
            db.Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.Entry(row).State = EntityState.Detached; // a pooled context keeps no file's bytes
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Stream?> OpenAsync(string fileId, CancellationToken cancellationToken) =>
        await db.Set<EvidenceContentRow>().AsNoTracking().Where(c => c.FileId == fileId).Select(c => c.Content)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } content
            ? new MemoryStream(content, writable: false)
            : null;

    public Task RemoveAsync(IReadOnlyCollection<string> fileIds, CancellationToken cancellationToken) =>
        transactions.RunAsync(() => db.Set<EvidenceContentRow>().Where(c => fileIds.Contains(c.FileId)).ExecuteDeleteAsync(cancellationToken), cancellationToken);
}
