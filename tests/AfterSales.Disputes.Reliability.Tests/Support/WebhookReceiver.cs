using System.Collections.Concurrent;
using System.Net;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Webhooks;

namespace AfterSales.Disputes.Reliability.Tests.Support;

/// <summary>
/// A store's webhook endpoint on a loopback port, which the drill takes down and brings up: down, nothing listens
/// (the host's connections are refused); up, it answers 503 to its first <c>failFirst</c> requests (a receiver
/// that is starting) and 200 afterwards. Every request it saw is kept with its moment, headers and body.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _received = new();
    private HttpListener? _listener;
    private Task? _serving;
    private int _failuresLeft;

    /// <summary>Where the receiver listens once up (reserved while it is down).</summary>
    public Uri Url { get; } = new($"http://127.0.0.1:{HostProcess.FreePort()}/hooks/");

    /// <summary>Every request, in the order they came.</summary>
    public IReadOnlyList<Received> Requests => [.. _received];

    /// <summary>Starts listening; the first <paramref name="failFirst"/> requests get 503.</summary>
    public void Up(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        _listener = new HttpListener();
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = ServeAsync(_listener);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            _listener.Close();
            await _serving!;
        }
    }

    private async Task ServeAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 503 : 200;
            _received.Enqueue(new Received(DateTimeOffset.UtcNow, context.Request.Headers[WebhookSignature.IdHeader] ?? "",
                context.Request.Headers[WebhookSignature.TimestampHeader], context.Request.Headers[WebhookSignature.SignatureHeader], body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    /// <summary>One request as the receiver saw it, and what it answered.</summary>
    public sealed record Received(DateTimeOffset At, string EventId, string? Timestamp, string? Signature, string Body, int Answered)
    {
        /// <summary>The moment in <c>webhook-timestamp</c>, when the host signed this request.</summary>
        public DateTimeOffset SignedAt => DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp!, System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>Whether one of its signatures is by <paramref name="secret"/>, signed within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
        public bool VerifiesWith(string secret, DateTimeOffset now, TimeSpan tolerance) =>
            WebhookSignature.Verify(secret, EventId, Timestamp, Signature, Body, now, tolerance);
    }
}
