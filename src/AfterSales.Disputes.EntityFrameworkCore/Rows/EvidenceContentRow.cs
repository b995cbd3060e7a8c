namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>The bytes of an uploaded evidence file (its record is an <see cref="EvidenceFileRow"/>).</summary>
internal sealed class EvidenceContentRow
{
    public required string FileId { get; set; }

    public required byte[] Content { get; set; }
}
