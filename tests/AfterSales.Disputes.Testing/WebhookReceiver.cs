using System.Collections.Concurrent;
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

    public ConcurrentQueue<(string Body, string? Signature, string? EventId, int Answered)> Received { get; } = new();

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
            receiver.Received.Enqueue((body, request.Headers["AfterSales-Signature"], request.Headers["AfterSales-Event-Id"], status));
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
