using System.Net;
using System.Net.Http.Headers;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;

namespace AfterSales.Disputes.Reliability.Tests.HostileInput;

/// <summary>
/// Evidence uploads built to slip through: files that are not what they claim, polyglots that are a valid image
/// and a web page at once, PDFs that carry scripts, markup, empty and oversized files. Each is refused with problem
/// details and leaves no file behind, and so is a file name that names a path or hides characters.
/// </summary>
public sealed class HostileUploadTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static TheoryData<string, string, string, int, string> Attacks => new()
    {
        { "png declared as jpeg", "image/jpeg", "photo.jpg", 415, "mismatched-file" },
        { "jpeg that is also an html page", "image/jpeg", "photo.jpg", 415, "active-content" },
        { "jpeg with a script across the upload's chunks", "image/jpeg", "photo.jpg", 415, "active-content" },
        { "png with an svg event handler", "image/png", "photo.png", 415, "active-content" },
        { "pdf with javascript", "application/pdf", "invoice.pdf", 415, "active-content" },
        { "pdf with a launch action", "application/pdf", "invoice.pdf", 415, "active-content" },
        { "svg", "image/svg+xml", "photo.svg", 415, "unsupported-file" },
        { "html", "text/html", "photo.html", 415, "unsupported-file" },
        { "empty", "image/jpeg", "photo.jpg", 400, "empty-file" },
        { "oversized", "image/jpeg", "photo.jpg", 413, "too-large" },
        { "jpeg", "image/jpeg", "../../../../etc/cron.d/photo.jpg", 400, "invalid-file-name" },
        { "jpeg", "image/jpeg", "..\\..\\Windows\\System32\\photo.jpg", 400, "invalid-file-name" },
        { "jpeg", "image/jpeg", "/etc/passwd", 400, "invalid-file-name" },
        { "jpeg", "image/jpeg", "..", 400, "invalid-file-name" },
        { "jpeg", "image/jpeg", "photo\u0000.jpg", 400, "invalid-file-name" },
        { "jpeg", "image/jpeg", "photo\u202Egpj.exe", 400, "invalid-file-name" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task AHostileUpload_IsRefusedWithProblemDetails_AndLeavesNoFile(string attack, string declared, string name, int status, string problem)
    {
        await using var host = await HostProcess.StartAsync();
        var disputeId = await host.OpenReturnAsync("order-upload");
        using var buyer = await host.ClientAsync(Roles.Buyer, World.Ana);

        using var response = await buyer.PostAsync($"/api/v1/disputes/{disputeId}/evidence-files", Upload(Content(attack), name, declared));

        ((int)response.StatusCode).Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(problem);
        (await buyer.GetStringAsync($"/api/v1/disputes/{disputeId}/evidence-files")).Should().Be("[]");
        host.EvidenceFiles().Should().BeEmpty("a refused upload leaves nothing stored");
    }

    [Fact]
    public async Task ABareFileName_IsKeptAsTheUploaderWroteIt_AndTheFileIsStoredUnderAGeneratedId()
    {
        await using var host = await HostProcess.StartAsync();
        var disputeId = await host.OpenReturnAsync("order-upload-name");
        using var buyer = await host.ClientAsync(Roles.Buyer, World.Ana);

        using var response = await buyer.PostAsync($"/api/v1/disputes/{disputeId}/evidence-files", Upload(Jpeg, " Rechnung März 2026 (Kopie).jpg ", "image/jpeg"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"fileName\":\"Rechnung März 2026 (Kopie).jpg\"");
        host.EvidenceFiles().Should().ContainSingle().Which.Should().MatchRegex("^ev_[0-9a-f]{24}$");
    }

    private static byte[] Content(string attack) => attack switch
    {
        "png declared as jpeg" => Png,
        "jpeg that is also an html page" => [.. Jpeg, .. "<html><body><script>fetch('/steal')</script></body></html>"u8],
        // The upload is read in 80 KB chunks: the marker starts three bytes before the first chunk ends.
        "jpeg with a script across the upload's chunks" => [.. Jpeg, .. new byte[81_920 - Jpeg.Length - 3], .. "<script>alert(1)</script>"u8],
        "png with an svg event handler" => [.. Png, .. "<svg onload=alert(1)>"u8],
        "pdf with javascript" => "%PDF-1.7\n1 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>\nendobj\n"u8.ToArray(),
        "pdf with a launch action" => "%PDF-1.7\n1 0 obj\n<< /Type /Action /S /Launch /F (cmd.exe) >>\nendobj\n"u8.ToArray(),
        "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
        "html" => "<!doctype html><script>alert(1)</script>"u8.ToArray(),
        "jpeg" => Jpeg,
        "empty" => [],
        "oversized" => [.. Jpeg, .. new byte[(10 * 1024 * 1024) + 1]],
        _ => throw new ArgumentOutOfRangeException(nameof(attack)),
    };

    private static MultipartFormDataContent Upload(byte[] content, string name, string type)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        if (!name.Any(char.IsControl))
        {
            return new MultipartFormDataContent { { file, "file", name } };
        }

        // A header cannot carry a NUL as such: it goes percent-encoded in filename* (RFC 6266), which the host reads first.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "file", FileNameStar = name };
        return new MultipartFormDataContent { file };
    }
}

/// <summary>Looks into the host's storage: its SQLite file, and its data folder.</summary>
internal static class HostFiles
{
    /// <summary>The ids of the files whose bytes the host stored (in its database), and any file in its evidence folder.</summary>
    public static IReadOnlyList<string> EvidenceFiles(this HostProcess host)
    {
        var stored = new List<string>();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(host.DataFolder, "aftersales.db")};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT DISTINCT \"FileId\" FROM \"EvidenceContents\""; // a row per chunk
            using var rows = query.ExecuteReader();
            while (rows.Read())
            {
                stored.Add(rows.GetString(0));
            }
        }

        var folder = Path.Combine(host.DataFolder, "evidence");
        return Directory.Exists(folder) ? [.. stored, .. Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()] : stored;
    }
}
