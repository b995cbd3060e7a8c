namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>A request seen with an Idempotency-Key, and its answer once there is one.</summary>
internal sealed class IdempotencyRecordRow
{
    public required string Scope { get; set; }

    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public bool Completed { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public byte[]? Body { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
