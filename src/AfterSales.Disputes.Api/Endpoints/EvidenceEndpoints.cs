using System.Security.Cryptography;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Ports;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>
/// Evidence files: uploaded by the parties of a case, recognised by their first bytes (JPEG, PNG, WebP, PDF,
/// MP4 only), hashed, stored outside the web root under generated names, and downloadable only by those who
/// may see the case, always as attachments with <c>X-Content-Type-Options: nosniff</c>.
/// </summary>
internal static class EvidenceEndpoints
{
    public static void MapEvidenceEndpoints(this RouteGroupBuilder api, ApiOptions options)
    {
        var files = api.MapGroup("/disputes/{disputeId}/evidence-files").WithTags("Evidence");

        files.MapPost("/", async (string disputeId, IFormFile file, HttpContext http, IMediator mediator, IEvidenceStore evidence, IEvidenceContent contents,
            TimeProvider time, CancellationToken cancellationToken) =>
        {
            var caller = http.Caller();
            if (await mediator.VisibleDisputeAsync(caller, disputeId, cancellationToken) is null)
            {
                return ApiProblems.NotFound("The dispute");
            }

            if ((await evidence.ForDisputeAsync(disputeId, cancellationToken)).Count >= EvidenceFile.MaxPerDispute)
            {
                return ApiProblems.Problem(StatusCodes.Status409Conflict, "too-many-files", "Too many files",
                    $"A case holds at most {EvidenceFile.MaxPerDispute} files, and this one is full.");
            }

            var (received, problem) = await ReceiveAsync(file, caller, disputeId, options, evidence, contents, time, cancellationToken);
            return problem ?? TypedResults.Created($"/api/v1/disputes/{disputeId}/evidence-files/{received!.Id}", received);
        }).RequireAuthorization(AuthorizationPolicies.Evidence).DisableAntiforgery() // bearer tokens, not cookies: no cross-site form posts to forge
            .WithMetadata(new RequestSizeLimitAttribute(options.Uploads.MaxBytes + (64 * 1024)))
            .WithName("Evidence_Upload").WithDescription($"At most the configured size (10 MB by default); the type is recognised from the content, and a file declared as another type is refused. A case holds at most {EvidenceFile.MaxPerDispute} files (409 past that).").WithSummary("Upload an evidence file (multipart field 'file'): JPEG, PNG, WebP, PDF or MP4.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<EvidenceFile>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var attachments = api.MapGroup("/attachments").WithTags("Evidence");
        attachments.MapPost("/", async (IFormFile file, HttpContext http, IEvidenceStore evidence, IEvidenceContent contents, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (received, problem) = await ReceiveAsync(file, http.Caller(), disputeId: null, options, evidence, contents, time, cancellationToken);
            return problem ?? TypedResults.Created($"/api/v1/attachments/{received!.Id}", received);
        }).RequireAuthorization(AuthorizationPolicies.Buyer).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(options.Uploads.MaxBytes + (64 * 1024)))
            .WithName("Attachments_Upload")
            .WithDescription("For a request not opened yet: name the returned id in the request (evidenceIds, or the repair application's proofOfPurchaseId and mediaIds). The same checks as evidence files; a file no request takes within a day is removed.")
            .WithSummary("Upload a file before opening the request that names it (buyer; multipart field 'file').")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<EvidenceFile>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        attachments.MapGet("/{fileId}", async (string fileId, HttpContext http, IEvidenceStore evidence, IEvidenceContent contents, CancellationToken cancellationToken) =>
        {
            var caller = http.Caller();
            if (await evidence.FindAsync(fileId, cancellationToken) is not { } record || record.UploadedBy != caller.Actor.Party || record.UploaderId != caller.PartyId)
            {
                return (IResult)ApiProblems.NotFound("The file");
            }

            return await DownloadAsync(http, contents, record, cancellationToken);
        }).WithName("Attachments_Download").WithDescription("Only the party who uploaded it; once a request names it, its parties download it with the request's evidence files.")
            .WithSummary("Download a file you uploaded (as an attachment).").Produces(StatusCodes.Status200OK, typeof(Stream), FileSignatures.MediaTypes[0], [.. FileSignatures.MediaTypes.Skip(1)])
            .ProducesProblem(StatusCodes.Status404NotFound);

        files.MapGet("/", async (string disputeId, HttpContext http, IMediator mediator, IEvidenceStore evidence, CancellationToken cancellationToken) =>
            await mediator.VisibleDisputeAsync(http.Caller(), disputeId, cancellationToken) is null
                ? ApiProblems.NotFound("The dispute")
                : (IResult)TypedResults.Ok(await evidence.ForDisputeAsync(disputeId, cancellationToken)))
            .WithName("Evidence_List").WithDescription($"Files uploaded to the case, with their type, size and SHA-256, oldest first (at most {EvidenceFile.MaxPerDispute}).")
            .WithMetadata(new AnswersAtMost(EvidenceFile.MaxPerDispute)).WithSummary("The evidence files of a case.").Produces<IReadOnlyList<EvidenceFile>>().ProducesProblem(StatusCodes.Status404NotFound);

        files.MapGet("/{fileId}", async (string disputeId, string fileId, HttpContext http, IMediator mediator, IEvidenceStore evidence, IEvidenceContent contents,
            CancellationToken cancellationToken) =>
        {
            if (await mediator.VisibleDisputeAsync(http.Caller(), disputeId, cancellationToken) is null
                || await evidence.FindAsync(fileId, cancellationToken) is not { } record || record.DisputeId != disputeId)
            {
                return (IResult)ApiProblems.NotFound("The file");
            }

            return await DownloadAsync(http, contents, record, cancellationToken);
        }).WithName("Evidence_Download").WithDescription("Served with Content-Disposition: attachment and X-Content-Type-Options: nosniff, to parties of the case only.").WithSummary("Download an evidence file (as an attachment).")
            .Produces(StatusCodes.Status200OK, typeof(Stream), FileSignatures.MediaTypes[0], [.. FileSignatures.MediaTypes.Skip(1)]).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, IEvidenceContent contents, EvidenceFile record, CancellationToken cancellationToken)
    {
        if (await contents.OpenAsync(record.Id, cancellationToken) is not { } content)
        {
            return ApiProblems.NotFound("The file's content"); // a record whose bytes were lost: nothing to serve
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, record.ContentType, record.FileName);
    }

    // The checks every upload passes, then the file stored under a generated id and recorded with its hash.
    private static async Task<(EvidenceFile? File, IResult? Problem)> ReceiveAsync(IFormFile file, Caller caller, string? disputeId,
        ApiOptions options, IEvidenceStore evidence, IEvidenceContent contents, TimeProvider time, CancellationToken cancellationToken)
    {
        if (UnsafeName(file.FileName) is { } why)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-file-name", "Invalid file name",
                $"The file name {why}; send the bare name, such as photo.jpg."));
        }

        if (file.Length == 0)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "empty-file", "Empty file", "The uploaded file is empty."));
        }

        if (file.Length > options.Uploads.MaxBytes)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "File too large", Localization.ApiTexts.Format("Problem.FileTooLarge", options.Uploads.MaxBytes)));
        }

        await using var content = file.OpenReadStream();
        var header = new byte[16];
        var headerLength = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (FileSignatures.Recognise(header.AsSpan(0, headerLength)) is not { } detected)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-file", "Unsupported file",
                "Evidence files are JPEG, PNG, WebP, PDF or MP4, recognised by their content."));
        }

        if (DeclaredType(file.ContentType) is { } declared && declared != detected)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "mismatched-file", "Content does not match its type",
                $"The file is declared as {declared} but its content is {detected}."));
        }

        var id = "ev_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        content.Position = 0;
        string sha256;
        var scan = new ActiveContentScan();
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                scan.Add(buffer.AsSpan(0, read));
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        if (scan.Found is { } found)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "active-content", "File carries active content",
                $"The file is {detected} but also carries {found}, which a browser or reader could run; evidence files may not."));
        }

        // The form reader keeps a large upload in a temporary file: it is read again from there, a chunk at a time.
        content.Position = 0;
        await contents.SaveAsync(id, content, cancellationToken);
        var record = new EvidenceFile(id, disputeId, caller.Actor.Party, caller.PartyId, CleanName(file.FileName), detected, file.Length, sha256, time.GetUtcNow());
        await evidence.AddAsync(record, cancellationToken);
        return (record, null);
    }

    // A declared type only counts when it names one of the allowed types; a generic one defers to the content.
    private static string? DeclaredType(string? contentType) =>
        contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            null or "" or "application/octet-stream" => null,
            "image/jpg" => "image/jpeg",
            var other => other,
        };

    // A name is only ever shown (files are stored under generated ids), but one that names a path or hides
    // characters is an attack or a broken client: refused rather than silently repaired.
    private static string? UnsafeName(string name) =>
        name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) ? "contains a path"
        : name.Trim() is "." or ".." ? "names a folder"
        : name.Any(c => char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F')
            ? "contains control or text-direction characters" // photo\u202Egpj.exe shows as photoexe.jpg
        : name.Length > 255 ? "is longer than 255 characters"
        : null;

    private static string CleanName(string name)
    {
        var clean = name.Replace("\"", string.Empty, StringComparison.Ordinal).Trim();
        return clean.Length == 0 ? "evidence" : clean;
    }
}

/// <summary>Recognises the allowed file types by their first bytes.</summary>
public static class FileSignatures
{
    /// <summary>The media types an evidence file may have, as <see cref="Recognise"/> tells them.</summary>
    public static IReadOnlyList<string> MediaTypes { get; } = ["image/jpeg", "image/png", "image/webp", "application/pdf", "video/mp4"];

    /// <summary>The media type whose signature <paramref name="header"/> starts with, or null.</summary>
    public static string? Recognise(ReadOnlySpan<byte> header) => header switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => "application/pdf",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => "video/mp4",
        _ => null,
    };
}

/// <summary>
/// Looks through an upload for markup or script a browser or PDF reader could run: a polyglot (a valid image
/// that is also an HTML page, say) passes the signature check but is refused here. The markers are ASCII and
/// matched without regard to case, across the chunks the upload arrives in.
/// </summary>
internal sealed class ActiveContentScan
{
    // Long enough (five bytes or more) that compressed image, video or PDF data hits one by chance about once in
    // thousands of 10 MB files. `/JavaScript` is the action type of every PDF script.
    private static readonly (string Marker, string What)[] Markers =
    [
        ("<script", "an HTML script"), ("<html", "an HTML page"), ("<body", "an HTML page"), ("<!doctype html", "an HTML page"),
        ("<iframe", "an HTML frame"), ("<object", "an HTML object"), ("<embed", "an HTML object"), ("onload=", "an HTML event handler"),
        ("onerror=", "an HTML event handler"), ("<?php", "PHP code"), ("javascript:", "a script address"),
        ("/javascript", "PDF JavaScript"), ("/launch", "a PDF launch action"), ("/embeddedfile", "a file embedded in the PDF"),
    ];

    private static readonly int Overlap = Markers.Max(m => m.Marker.Length) - 1;

    private byte[] _tail = [];

    /// <summary>What the first marker found is, or null while none has been.</summary>
    public string? Found { get; private set; }

    /// <summary>Scans the next chunk of the upload.</summary>
    public void Add(ReadOnlySpan<byte> chunk)
    {
        if (Found is not null || chunk.IsEmpty)
        {
            return;
        }

        // The end of the previous chunk is scanned again with this one, so a marker split between them is seen.
        var window = new byte[_tail.Length + chunk.Length];
        _tail.CopyTo(window, 0);
        chunk.CopyTo(window.AsSpan(_tail.Length));
        Found = Markers.FirstOrDefault(m => Contains(window, m.Marker)).What;
        _tail = window[Math.Max(0, window.Length - Overlap)..];
    }

    private static bool Contains(ReadOnlySpan<byte> data, string marker)
    {
        var (lower, upper) = ((byte)marker[0], (byte)char.ToUpperInvariant(marker[0]));
        for (var start = data.IndexOfAny(lower, upper); start >= 0 && start <= data.Length - marker.Length;)
        {
            var match = true;
            for (var i = 1; i < marker.Length && match; i++)
            {
                match = char.ToLowerInvariant((char)data[start + i]) == marker[i];
            }

            if (match)
            {
                return true;
            }

            var next = data[(start + 1)..].IndexOfAny(lower, upper);
            start = next < 0 ? -1 : start + 1 + next;
        }

        return false;
    }
}
