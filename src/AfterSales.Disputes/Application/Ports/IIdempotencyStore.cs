namespace AfterSales.Disputes.Application.Ports;

/// <summary>What a first look at an idempotency key found.</summary>
public enum IdempotencyState
{
    /// <summary>The key is new: the request runs, and its response is stored.</summary>
    Started,

    /// <summary>The same key with the same request was answered before: replay that answer.</summary>
    Replay,

    /// <summary>The same key came with a different request.</summary>
    Mismatch,

    /// <summary>The same key is being handled right now by another request.</summary>
    InProgress,
}

/// <summary>A stored answer to replay.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="ContentType">The content type, if any.</param>
/// <param name="Body">The body.</param>
/// <param name="Location">The Location header, if any.</param>
/// <param name="ETag">The ETag header, if any.</param>
public sealed record StoredResponse(int StatusCode, string? ContentType, byte[] Body, string? Location, string? ETag);

/// <summary>
/// Remembers the answers to requests sent with an <c>Idempotency-Key</c>, per caller, for at least
/// <see cref="Retention"/>, so that a retried request gets the first answer instead of acting twice.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>How long keys are kept.</summary>
    static TimeSpan Retention { get; } = TimeSpan.FromHours(24);

    /// <summary>Claims <paramref name="key"/> for <paramref name="scope"/> (the caller), or reports what it found.</summary>
    Task<(IdempotencyState State, StoredResponse? Response)> BeginAsync(string scope, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores the answer of a started key.</summary>
    Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Releases a started key whose request failed on the server, so that a retry runs again.</summary>
    Task AbandonAsync(string scope, string key, CancellationToken cancellationToken);
}
