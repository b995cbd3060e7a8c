using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

public class EvidenceTests : IClassFixture<ApiFactory>
{
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06];
    private static readonly byte[] s_pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();
    private readonly ApiFactory _api;

    public EvidenceTests(ApiFactory api) => _api = api;

    private static MultipartFormDataContent File(byte[] content, string name, string contentType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Fact]
    public async Task AnUploadedPhoto_IsRecognised_Hashed_StoredUnderAGeneratedName_AndServedToPartiesAsAnAttachment()
    {
        var dispute = await OpenAsync(_api, "o-ev-1");
        using var buyer = _api.As(Roles.Buyer, Ana);

        var upload = await buyer.PostAsync($"/api/v1/disputes/{dispute.Id}/evidence-files", File(s_jpeg, "photo.jpg", "image/jpeg"));

        upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var record = (await upload.ReadAsync<EvidenceFile>())!;
        record.Should().BeEquivalentTo(new { ContentType = "image/jpeg", Size = (long)s_jpeg.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(s_jpeg)), FileName = "photo.jpg" });
        await using (var scope = _api.Services.CreateAsyncScope())
        {
            await using var stored = await scope.ServiceProvider.GetRequiredService<IEvidenceContent>().OpenAsync(record.Id, CancellationToken.None);
            stored.Should().NotBeNull("the bytes are kept under the generated id");
        }


        using var seller = _api.As(Roles.Seller, Flagship);
        var download = await seller.GetAsync($"/api/v1/disputes/{dispute.Id}/evidence-files/{record.Id}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(s_jpeg);

        using var stranger = _api.As(Roles.Buyer, Ben);
        (await stranger.GetAsync($"/api/v1/disputes/{dispute.Id}/evidence-files/{record.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/api/v1/disputes/{dispute.Id}/evidence-files", File(s_jpeg, "x.jpg", "image/jpeg"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("svg", "image/svg+xml", "unsupported-file")]
    [InlineData("html", "text/html", "unsupported-file")]
    [InlineData("jpeg-as-png", "image/png", "mismatched-file")]
    [InlineData("pdf-as-jpeg", "image/jpeg", "mismatched-file")]
    [InlineData("exe", "application/octet-stream", "unsupported-file")]
    public async Task FilesThatAreNotWhatTheyClaim_OrNotAllowed_Get415(string kind, string declared, string problem)
    {
        var dispute = await OpenAsync(_api, "o-ev-" + kind);
        var content = kind switch
        {
            "svg" => "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray(),
            "html" => "<html><script>alert(1)</script></html>"u8.ToArray(),
            "jpeg-as-png" => s_jpeg,
            "pdf-as-jpeg" => s_pdf,
            _ => "MZ\x90\x00 executable"u8.ToArray(),
        };
        using var buyer = _api.As(Roles.Buyer, Ana);

        var upload = await buyer.PostAsync($"/api/v1/disputes/{dispute.Id}/evidence-files", File(content, "evidence." + kind, declared));

        upload.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await upload.Content.ReadAsStringAsync()).Should().Contain("/problems/" + problem);
        (await (await buyer.GetAsync($"/api/v1/disputes/{dispute.Id}/evidence-files")).Content.ReadAsStringAsync()).Should().Be("[]");
    }

    [Fact]
    public async Task AnEmptyFile_Gets400_AndAnOversizedOne413()
    {
        using var small = new ApiFactory { Settings = [("AfterSales:Uploads:MaxBytes", "64")] };
        var dispute = await OpenAsync(small, "o-ev-size");
        using var buyer = small.As(Roles.Buyer, Ana);

        var empty = await buyer.PostAsync($"/api/v1/disputes/{dispute.Id}/evidence-files", File([], "empty.jpg", "image/jpeg"));
        var large = await buyer.PostAsync($"/api/v1/disputes/{dispute.Id}/evidence-files", File([.. s_jpeg, .. new byte[100]], "large.jpg", "image/jpeg"));

        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        large.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>
    /// A case holds at most <see cref="EvidenceFile.MaxPerDispute"/> files, so its list (and the document's bound on
    /// it) holds: an upload past it gets 409, an action naming a new file past it is refused, and nothing is kept.
    /// </summary>
    [Fact]
    public async Task AFullCase_RefusesMoreFiles_ByUploadAndByAction_AndItsListStaysWithinTheBound()
    {
        var dispute = await OpenAsync(_api, "o-ev-full");
        await ActAsync(_api, Roles.Seller, Flagship, dispute.Id, "reject", new Disputes.RejectionReason("no-fault"));
        await ActAsync(_api, Roles.Buyer, Ana, dispute.Id, "escalation", new Disputes.EscalationRequest("Faulty"));
        using var buyer = _api.As(Roles.Buyer, Ana);
        for (var i = 0; i < EvidenceFile.MaxPerDispute; i++)
        {
            (await buyer.PostAsync($"/api/v1/disputes/{dispute.Id}/evidence-files", File(s_jpeg, $"photo-{i}.jpg", "image/jpeg"))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var extra = await buyer.PostAsync($"/api/v1/disputes/{dispute.Id}/evidence-files", File(s_jpeg, "one-more.jpg", "image/jpeg"));
        var attachment = (await (await buyer.PostAsync("/api/v1/attachments", File(s_jpeg, "later.jpg", "image/jpeg"))).ReadAsync<EvidenceFile>())!;
        var current = await buyer.GetAsync($"/api/v1/disputes/{dispute.Id}");
        var naming = await buyer.PostJsonAsync($"/api/v1/disputes/{dispute.Id}/evidence",
            new Disputes.EvidenceSubmission("One photo more", [attachment.Id]), current.Headers.ETag!.Tag);

        extra.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await extra.Content.ReadAsStringAsync()).Should().Contain("/problems/too-many-files");
        naming.StatusCode.Should().Be(HttpStatusCode.BadRequest, await naming.Content.ReadAsStringAsync());
        (await naming.Content.ReadAsStringAsync()).Should().Contain($"at most {EvidenceFile.MaxPerDispute} files");
        var files = (await (await buyer.GetAsync($"/api/v1/disputes/{dispute.Id}/evidence-files")).ReadAsync<List<EvidenceFile>>())!;
        files.Should().HaveCount(EvidenceFile.MaxPerDispute).And.NotContain(f => f.FileName == "one-more.jpg" || f.Id == attachment.Id);
    }

}

public class ActiveContentScanTests
{
    [Theory]
    [InlineData("<scr", "ipt>alert(1)</script>", "an HTML script")]
    [InlineData("%PDF-1.7 /S /Java", "Script /JS (x)", "PDF JavaScript")]
    [InlineData("photo <HT", "ML>", "an HTML page")]
    public void AMarkerSplitBetweenTwoChunks_IsFound_WhateverItsCase(string first, string second, string what)
    {
        var scan = new AfterSales.Disputes.Api.Endpoints.ActiveContentScan();

        scan.Add(System.Text.Encoding.ASCII.GetBytes(first));
        scan.Add(System.Text.Encoding.ASCII.GetBytes(second));

        scan.Found.Should().Be(what);
    }

    [Fact]
    public void PlainBinaryAndText_CarryNothingActive()
    {
        var scan = new AfterSales.Disputes.Api.Endpoints.ActiveContentScan();

        scan.Add([0xFF, 0xD8, 0xFF, 0xE0, (byte)'<', (byte)'s', (byte)'c', 0x00, (byte)'/', (byte)'j', (byte)'s']);
        scan.Add("%PDF-1.7 << /Type /Catalog /Pages 2 0 R >> the script of the play"u8);

        scan.Found.Should().BeNull();
    }

}
