using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Application.Evidence;

/// <summary>
/// Checks the uploaded files a request or an action names before it is taken: each exists, was uploaded by the
/// party who names it, is not another request's, and has a type its use allows. Missing and someone else's files
/// get the same answer, so an id tells nothing about other parties' uploads. A case holds at most
/// <see cref="EvidenceFile.MaxPerDispute"/> files.
/// </summary>
internal static class FileChecks
{
    /// <summary>The files as recorded (with their hashes), or the first problem; no files for no references.</summary>
    public static async Task<(IReadOnlyList<AttachedFile>? Files, string? Problem)> CheckAsync(
        IEvidenceStore store, Actor actor, string disputeId, IEnumerable<FileReference> references, CancellationToken cancellationToken)
    {
        var named = references.ToList();
        if (named.Count == 0)
        {
            return (null, null);
        }

        if (named.Exists(r => string.IsNullOrWhiteSpace(r?.Id)))
        {
            return (null, "A file id is empty: name each uploaded file by the id its upload returned.");
        }

        var found = (await store.FindManyAsync([.. named.Select(r => r.Id).Distinct()], cancellationToken).ConfigureAwait(false))
            .ToDictionary(f => f.Id);
        var files = new List<AttachedFile>();
        foreach (var reference in named)
        {
            if (!found.TryGetValue(reference.Id, out var file) || file.UploadedBy != actor.Party || file.UploaderId != actor.Id)
            {
                return (null, $"File {reference.Id} is not one of your uploads: upload it first, then name the id its upload returned.");
            }

            if (file.DisputeId is { } other && other != disputeId)
            {
                return (null, $"File {reference.Id} belongs to another request.");
            }

            if (!reference.Allows(file.ContentType))
            {
                return (null, $"File {reference.Id} is {file.ContentType}, but {reference.AllowedTypes}.");
            }

            if (!files.Exists(f => f.Id == file.Id))
            {
                files.Add(new AttachedFile(file.Id, file.Sha256, file.ContentType));
            }
        }

        // Files new to the case must fit in what a case holds (its list answers at most that many).
        var adding = files.Count(f => found[f.Id].DisputeId is null);
        if (adding > 0 && (await store.ForDisputeAsync(disputeId, cancellationToken).ConfigureAwait(false)).Count + adding > EvidenceFile.MaxPerDispute)
        {
            return (null, $"A case holds at most {EvidenceFile.MaxPerDispute} files, and {adding} more would take this one past that.");
        }

        return (files, null);
    }
}
