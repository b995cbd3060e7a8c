using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// Evidence bytes as files in the host's data folder (<c>evidence/</c>, under each file's id, outside the web root):
/// <c>AfterSales:Uploads:Storage</c> = <c>Folder</c>. Only for a single host, or several sharing that folder.
/// </summary>
internal sealed class FolderEvidenceContent(ApiOptions options) : IEvidenceContent
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(options.DataFolder, "evidence")).FullName;

    public async Task SaveAsync(string fileId, Stream content, CancellationToken cancellationToken)
    {
        await using var stored = new FileStream(PathOf(fileId), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        await content.CopyToAsync(stored, cancellationToken);
    }

    public Task<Stream?> OpenAsync(string fileId, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(File.Exists(PathOf(fileId)) ? File.OpenRead(PathOf(fileId)) : null);

    public Task RemoveAsync(IReadOnlyCollection<string> fileIds, CancellationToken cancellationToken)
    {
        foreach (var id in fileIds)
        {
            File.Delete(PathOf(id));
        }

        return Task.CompletedTask;
    }

    // Ids are generated (ev_ and hex) or the demo's own; never a caller's name, so never a path.
    private string PathOf(string fileId) => Path.Combine(_folder, Path.GetFileName(fileId));
}

/// <summary>
/// Moves evidence files a host kept in its folder (before the database held them) into <see cref="IEvidenceContent"/>,
/// at start: each file with a record and no bytes stored yet is stored, then removed from the folder.
/// </summary>
internal static class EvidenceFolderImport
{
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<ApiOptions>();
        var folder = Path.Combine(options.DataFolder, "evidence");
        if (options.Uploads.Storage != ApiOptions.UploadOptions.FolderStorage && Directory.Exists(folder))
        {
            var moved = 0;
            foreach (var path in Directory.EnumerateFiles(folder))
            {
                await using var scope = services.CreateAsyncScope();
                var id = Path.GetFileName(path);
                var contents = scope.ServiceProvider.GetRequiredService<IEvidenceContent>();
                if (await scope.ServiceProvider.GetRequiredService<IEvidenceStore>().FindAsync(id, cancellationToken) is null)
                {
                    continue; // not an upload's: left alone
                }

                if (await contents.OpenAsync(id, cancellationToken) is { } already)
                {
                    await already.DisposeAsync();
                }
                else
                {
                    await using var file = File.OpenRead(path);
                    await contents.SaveAsync(id, file, cancellationToken);
                    moved++;
                }

                File.Delete(path);
            }

            return moved;
        }

        return 0;
    }
}
