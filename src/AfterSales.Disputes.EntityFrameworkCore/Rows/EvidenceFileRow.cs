using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>An uploaded evidence file's record.</summary>
internal sealed class EvidenceFileRow
{
    public required string Id { get; set; }

    public string? DisputeId { get; set; }

    public Party UploadedBy { get; set; }

    public required string UploaderId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
