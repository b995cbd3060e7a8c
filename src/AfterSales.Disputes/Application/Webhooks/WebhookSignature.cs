using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Disputes.Application.Webhooks;

/// <summary>
/// Signs and verifies webhook deliveries by the Standard Webhooks scheme (standardwebhooks.com), so any of its
/// libraries verifies them: <c>webhook-id</c> (the event id, the same on every retry), <c>webhook-timestamp</c> (Unix
/// seconds of sending) and <c>webhook-signature</c>, a space-separated list of <c>v1,</c> and the base64
/// HMAC-SHA256 of <c>"{id}.{timestamp}.{body}"</c>, one per secret in use (two while a secret is being rotated).
/// A secret is <c>whsec_</c> and the base64 of its key. Receivers check a signature and reject stale timestamps, so
/// a captured delivery cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The message id header: the event's id, for the receiver's deduplication.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header with the Unix time in seconds at which the delivery was signed.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The signatures header.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The event type header (the type is in the body too).</summary>
    public const string EventTypeHeader = "AfterSales-Event-Type";

    /// <summary>What every secret starts with.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: <see cref="SecretPrefix"/> and the base64 of 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <see cref="TimestampHeader"/> value for <paramref name="timestamp"/>.</summary>
    public static string Timestamp(DateTimeOffset timestamp) => timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The <see cref="SignatureHeader"/> value: one signature of the delivery per secret, in order.</summary>
    /// <exception cref="ArgumentException">A secret is not <see cref="SecretPrefix"/> and base64.</exception>
    public static string Sign(IEnumerable<string> secrets, string id, DateTimeOffset timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return string.Join(' ', secrets.Select(secret => "v1," + Signature(secret, id, Timestamp(timestamp), body)));
    }

    /// <summary>
    /// True when one of the signatures in <paramref name="signatures"/> signs the delivery with <paramref name="secret"/>
    /// and <paramref name="timestamp"/> lies within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string? id, string? timestamp, string? signatures, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (id is null || signatures is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || (now - DateTimeOffset.FromUnixTimeSeconds(unix)).Duration() > tolerance || !TryKey(secret, out _))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(secret, id, timestamp!, body));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(signature => signature.StartsWith("v1,", StringComparison.Ordinal))
            .Any(signature => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature[3..])));
    }

    private static string Signature(string secret, string id, string timestamp, string body) =>
        TryKey(secret, out var key)
            ? Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")))
            : throw new ArgumentException($"A webhook secret is {SecretPrefix} and base64.", nameof(secret));

    // Secrets made before the Standard Webhooks scheme are whsec_ and 48 hex digits: valid base64 too, so they keep working.
    private static bool TryKey(string secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = secret[SecretPrefix.Length..];
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length) || length == 0)
        {
            return false;
        }

        key = buffer[..length];
        return true;
    }
}
