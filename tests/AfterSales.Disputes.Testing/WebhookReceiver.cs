using System.Collections.Concurrent;
using AfterSales.Disputes.Application.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Disputes.Testing;

/// <summary>A real HTTP server on a free loopback port that records what it receives and answers as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>What the receiver answers next; defaults to 200.</summary>
    public Func<int> Answer { get; set; } = () => StatusCodes.Status200OK;

    /// <summary>How long the receiver takes before it answers; defaults to no time.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The most requests the receiver had in hand at one moment.</summary>
    public int MostAtOnce => _mostAtOnce;

    private int _inHand;
    private int _mostAtOnce;

    public ConcurrentQueue<Delivery> Received { get; } = new();

    public Uri Url => new(_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hooks");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var inHand = Interlocked.Increment(ref receiver._inHand);
            InterlockedMax(ref receiver._mostAtOnce, inHand);
            await Task.Delay(receiver.Delay);
            Interlocked.Decrement(ref receiver._inHand);
            var status = receiver.Answer();
            receiver.Received.Enqueue(new Delivery(body, request.Headers[WebhookSignature.IdHeader], request.Headers[WebhookSignature.TimestampHeader],
                request.Headers[WebhookSignature.SignatureHeader], status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>One request as the receiver saw it: body, Standard Webhooks headers, and what it answered.</summary>
    public sealed record Delivery(string Body, string? EventId, string? Timestamp, string? Signature, int Answered)
    {
        /// <summary>Whether one of its signatures is by <paramref name="secret"/>, signed within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
        public bool VerifiesWith(string secret, DateTimeOffset now, TimeSpan tolerance) =>
            WebhookSignature.Verify(secret, EventId, Timestamp, Signature, Body, now, tolerance);

        /// <summary>When the host signed it (<c>webhook-timestamp</c>).</summary>
        public DateTimeOffset SignedAt => DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp!, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
