using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>An uploaded evidence file's record: the file itself lives outside the web root under its id.</summary>
/// <param name="Id">The generated id (also the stored file name).</param>
/// <param name="DisputeId">The dispute it belongs to; null for a file a buyer uploaded before opening the request that will name it.</param>
/// <param name="UploadedBy">The kind of party that uploaded it.</param>
/// <param name="UploaderId">That party's id.</param>
/// <param name="FileName">The name it was uploaded with, cleaned of any path.</param>
/// <param name="ContentType">The type its content was recognised as (never the uploader's claim).</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">The hex SHA-256 of its content.</param>
/// <param name="UploadedAt">When.</param>
public sealed record EvidenceFile(string Id, string? DisputeId, Party UploadedBy, string UploaderId, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt)
{
    /// <summary>
    /// The most files one case holds (uploaded to it, or named by its requests and actions); past it, uploads and
    /// actions that would add files are refused, and a case's list never answers more.
    /// </summary>
    public const int MaxPerDispute = 200;
}

/// <summary>Records of evidence files.</summary>
public interface IEvidenceStore
{
    /// <summary>Records an uploaded file.</summary>
    Task AddAsync(EvidenceFile file, CancellationToken cancellationToken);

    /// <summary>The record with this id, or null.</summary>
    Task<EvidenceFile?> FindAsync(string fileId, CancellationToken cancellationToken);

    /// <summary>The records with these ids that exist.</summary>
    Task<IReadOnlyList<EvidenceFile>> FindManyAsync(IReadOnlyCollection<string> fileIds, CancellationToken cancellationToken);

    /// <summary>A dispute's files, oldest first; at most <see cref="EvidenceFile.MaxPerDispute"/>.</summary>
    Task<IReadOnlyList<EvidenceFile>> ForDisputeAsync(string disputeId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the records of files uploaded before <paramref name="uploadedBefore"/> that no request took (a
    /// dispute's store attaches the files its events name when it saves them); returns their ids, so the host
    /// deletes the files.
    /// </summary>
    Task<IReadOnlyList<string>> RemoveUnattachedAsync(DateTimeOffset uploadedBefore, CancellationToken cancellationToken);
}

/// <summary>
/// The bytes of uploaded evidence files, apart from their records (<see cref="IEvidenceStore"/>): in the database by
/// default, so that every host on one database serves every upload; a host may keep them in a folder of its own.
/// </summary>
public interface IEvidenceContent
{
    /// <summary>Keeps <paramref name="content"/> (read to its end) as the bytes of <paramref name="fileId"/>.</summary>
    Task SaveAsync(string fileId, Stream content, CancellationToken cancellationToken);

    /// <summary>The bytes of <paramref name="fileId"/>, to read from the start, or null when there are none.</summary>
    Task<Stream?> OpenAsync(string fileId, CancellationToken cancellationToken);

    /// <summary>Removes the bytes of these files (those there are).</summary>
    Task RemoveAsync(IReadOnlyCollection<string> fileIds, CancellationToken cancellationToken);
}
