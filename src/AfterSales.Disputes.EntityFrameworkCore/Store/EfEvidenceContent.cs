using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// Evidence bytes in the database, so that every host on the database serves every upload, streamed: a file is written
/// in chunks of <see cref="EvidenceContentRow.ChunkBytes"/> as it is read from its source, in one transaction, and read
/// back one chunk at a time as the answer is sent, so memory holds one chunk per upload or download, whatever its size.
/// </summary>
internal sealed class EfEvidenceContent(AfterSalesDbContext db, StoreTransactions transactions) : IEvidenceContent
{
    public Task SaveAsync(string fileId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.CanSeek ? content.Position : 0;
        return transactions.RunAsync(async () =>
        {
            if (content.CanSeek)
            {
                content.Position = start; // the whole transaction is run again when the database was busy
            }

            var buffer = new byte[EvidenceContentRow.ChunkBytes];
            for (var chunk = 0; ; chunk++)
            {
                var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0 && chunk > 0)
                {
                    return;
                }

                var row = new EvidenceContentRow { FileId = fileId, Chunk = chunk, Content = buffer[..read] };
                db.Add(row);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.Entry(row).State = EntityState.Detached; // a pooled context keeps no file's bytes
                if (read < buffer.Length)
                {
                    return;
                }
            }
        }, cancellationToken);
    }

    public async Task<Stream?> OpenAsync(string fileId, CancellationToken cancellationToken) =>
        await Chunks(fileId).AnyAsync(cancellationToken).ConfigureAwait(false) ? new ChunkStream(this, fileId) : null;

    public Task RemoveAsync(IReadOnlyCollection<string> fileIds, CancellationToken cancellationToken) =>
        transactions.RunAsync(() => db.Set<EvidenceContentRow>().Where(c => fileIds.Contains(c.FileId)).ExecuteDeleteAsync(cancellationToken), cancellationToken);

    private IQueryable<EvidenceContentRow> Chunks(string fileId) => db.Set<EvidenceContentRow>().AsNoTracking().Where(c => c.FileId == fileId);

    private Task<byte[]?> ChunkAsync(string fileId, int chunk, CancellationToken cancellationToken) =>
        Chunks(fileId).Where(c => c.Chunk == chunk).Select(c => c.Content).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A file's bytes, read forward a chunk at a time, each with a query of its own, while the scope lasts.</summary>
    private sealed class ChunkStream(EfEvidenceContent store, string fileId) : Stream
    {
        private byte[] _current = [];
        private int _offset;
        private int _next;
        private bool _ended;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_offset == _current.Length)
            {
                // A chunk shorter than the largest is the last; a file of whole chunks ends at the first one missing.
                if (_ended || (_next > 0 && _current.Length < EvidenceContentRow.ChunkBytes)
                    || await store.ChunkAsync(fileId, _next, cancellationToken).ConfigureAwait(false) is not { } chunk)
                {
                    _ended = true;
                    return 0;
                }

                (_current, _offset) = (chunk, 0);
                _next++;
            }

            var count = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsMemory(_offset, count).CopyTo(buffer);
            _offset += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // For a caller that reads synchronously (the host does not): the chunk's query blocks it.
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
