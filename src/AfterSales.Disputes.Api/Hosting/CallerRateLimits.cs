using System.Globalization;
using System.Threading.RateLimiting;
using AfterSales.Disputes.Api.Problems;
using Microsoft.AspNetCore.RateLimiting;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// A fixed number of requests per caller per clock minute (the token's subject, else the client's address), and the
/// <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c> headers on every answer, so a client
/// can slow down before it is refused; a refusal is a 429 with <c>Retry-After</c>. The minutes are the wall clock's,
/// not the test clock's: load is real time.
/// </summary>
internal sealed class CallerRateLimits
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private readonly int _permits;
    private readonly TimeProvider _wallClock;

    public CallerRateLimits(int permitsPerMinute, TimeProvider wallClock)
    {
        _permits = permitsPerMinute;
        _wallClock = wallClock;

        // One partition per caller and clock minute, so every window ends on the minute and the reset is known
        // exactly. A partition's own window is longer than its minute, so it never refills before the key moves on;
        // the limiter drops it as idle afterwards.
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            PartitionKey(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _permits, Window = s_window + s_window, QueueLimit = 0 }));
    }

    /// <summary>The limiter the rate-limiting middleware asks.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>Sets the rate limiter up to use this limiter and answer a refusal with problem details.</summary>
    public void Configure(RateLimiterOptions options)
    {
        options.GlobalLimiter = Limiter;
        options.OnRejected = async (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = SecondsToReset().ToString(CultureInfo.InvariantCulture);
            await ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests",
                $"At most {_permits} requests a minute; retry after the Retry-After delay.").ExecuteAsync(context.HttpContext);
        };
    }

    /// <summary>Writes the headers when the answer starts: after the request took its permit.</summary>
    public Task WriteHeadersAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["RateLimit-Limit"] = _permits.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Remaining"] = (Limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0).ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Reset"] = SecondsToReset().ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private string PartitionKey(HttpContext context) =>
        $"{(context.User.Identity?.IsAuthenticated == true ? Auth.Caller.From(context.User).PartyId : null) ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous"}@{_wallClock.GetUtcNow().UtcTicks / s_window.Ticks}";

    private int SecondsToReset()
    {
        var intoMinute = _wallClock.GetUtcNow().UtcTicks % s_window.Ticks;
        return Math.Max(1, (int)Math.Ceiling(TimeSpan.FromTicks(s_window.Ticks - intoMinute).TotalSeconds));
    }
}
