using System.Net;
using System.Net.Http.Headers;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>
/// Where uploaded bytes live: in the database by default, in the data folder when told; a host that kept them in
/// its folder moves them into the database when it starts with the default.
/// </summary>
public sealed class EvidenceStorageTests
{
    private static readonly byte[] s_photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public async Task FilesKeptInTheFolder_MoveIntoTheDatabase_WhenTheHostStartsWithTheDefault()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "aftersales-storage", Guid.NewGuid().ToString("N"))).FullName;
        string disputeId;
        EvidenceFile uploaded;
        await using (var folderHost = new ApiFactory { Settings = [("AfterSales:DataFolder", data), ("AfterSales:Uploads:Storage", "Folder")] })
        {
            disputeId = (await OpenAsync(folderHost, "o-storage")).Id;
            uploaded = await UploadAsync(folderHost, disputeId);
            File.ReadAllBytes(Path.Combine(data, "evidence", uploaded.Id)).Should().Equal(s_photo, "Folder keeps the bytes in the data folder");
            (await DownloadAsync(folderHost, disputeId, uploaded.Id)).Should().Equal(s_photo);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var databaseHost = new ApiFactory { Settings = [("AfterSales:DataFolder", data)] };

        (await DownloadAsync(databaseHost, disputeId, uploaded.Id)).Should().Equal(s_photo, "the file moved into the database at start");
        File.Exists(Path.Combine(data, "evidence", uploaded.Id)).Should().BeFalse("it is no longer kept twice");
        var again = await UploadAsync(databaseHost, disputeId);
        File.Exists(Path.Combine(data, "evidence", again.Id)).Should().BeFalse("new uploads go to the database");
        (await DownloadAsync(databaseHost, disputeId, again.Id)).Should().Equal(s_photo);
    }

    /// <summary>A file of several megabytes goes into the database and comes back byte for byte, with the hash its record states.</summary>
    [Fact]
    public async Task ALargeFile_IsStoredInChunks_AndComesBackWhole()
    {
        await using var api = new ApiFactory();
        var photo = new byte[(3 * 1024 * 1024) + 4321];
        new Random(17).NextBytes(photo);
        s_photo.AsSpan(0, 4).CopyTo(photo); // a JPEG by its signature
        var disputeId = (await OpenAsync(api, "o-large")).Id;

        var uploaded = await UploadAsync(api, disputeId, photo);

        uploaded.Sha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)));
        (await DownloadAsync(api, disputeId, uploaded.Id)).Should().Equal(photo);
    }

    private static async Task<EvidenceFile> UploadAsync(ApiFactory api, string disputeId, byte[]? bytes = null)
    {
        using var buyer = api.As(Roles.Buyer, Ana);
        var file = new ByteArrayContent(bytes ?? s_photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var response = await buyer.PostAsync($"/api/v1/disputes/{disputeId}/evidence-files", new MultipartFormDataContent { { file, "file", "scratch.jpg" } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<EvidenceFile>())!;
    }

    private static async Task<byte[]> DownloadAsync(ApiFactory api, string disputeId, string fileId)
    {
        using var seller = api.As(Roles.Seller, Flagship);
        var response = await seller.GetAsync($"/api/v1/disputes/{disputeId}/evidence-files/{fileId}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
