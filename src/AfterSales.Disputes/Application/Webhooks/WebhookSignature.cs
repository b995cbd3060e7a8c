using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Disputes.Application.Webhooks;

/// <summary>
/// Signs and verifies webhook bodies. The <c>AfterSales-Signature</c> header reads
/// <c>t=1767225600,v1=5257a8…</c>: the Unix time of sending, and the hex HMAC-SHA256 of
/// <c>"{t}.{body}"</c> with the subscription's secret. Receivers check the signature and reject stale
/// timestamps, so a captured delivery cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The signature header.</summary>
    public const string Header = "AfterSales-Signature";

    /// <summary>The event id header, for deduplication.</summary>
    public const string EventIdHeader = "AfterSales-Event-Id";

    /// <summary>The event type header.</summary>
    public const string EventTypeHeader = "AfterSales-Event-Type";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, DateTimeOffset timestamp, string body)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={seconds},v1={Hex(secret, seconds, body)}";
    }

    /// <summary>
    /// True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> and its
    /// timestamp lies within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (header is null)
        {
            return false;
        }

        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var seconds) || !parts.TryGetValue("v1", out var signature)
            || !long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return false;
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(unix);
        if ((now - sentAt).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Hex(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private static string Hex(string secret, string seconds, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{seconds}.{body}")));
}
