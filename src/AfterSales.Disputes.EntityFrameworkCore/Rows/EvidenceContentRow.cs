namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>
/// One chunk of the bytes of an uploaded evidence file (its record is an <see cref="EvidenceFileRow"/>): files are kept
/// in chunks of at most <see cref="ChunkBytes"/>, so no more than one chunk is in memory while a file is written or read.
/// </summary>
internal sealed class EvidenceContentRow
{
    /// <summary>The largest chunk: 256 KiB.</summary>
    public const int ChunkBytes = 256 * 1024;

    public required string FileId { get; set; }

    /// <summary>The chunk's place in the file, from 0.</summary>
    public int Chunk { get; set; }

    public required byte[] Content { get; set; }
}
