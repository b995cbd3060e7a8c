using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Disputes.Application.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Disputes.Api.Tests.Support;

/// <summary>
/// A platform payment service as the host's HTTP payment adapter expects one, on loopback: it checks each call's
/// signature, keys payments by their <c>Idempotency-Key</c> (a second request for one pays nothing more), answers
/// 503 to the first calls it is told to fail, accepts a new payment as pending, pays it, then calls the host back,
/// signed, as many times as it is told (a duplicate callback).
/// </summary>
public sealed class TestPaymentService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _payments = new();
    private readonly ConcurrentDictionary<string, int> _payouts = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentQueue<(int Status, string Body)> _callbackAnswers = new();
    private int _failuresLeft;

    private TestPaymentService(WebApplication app, string secret)
    {
        _app = app;
        Secret = secret;
    }

    /// <summary>The secret shared with the host.</summary>
    public string Secret { get; }

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/";

    /// <summary>How many calls, from now on, answer 503 before the service works.</summary>
    public int FailNextCalls { set => Volatile.Write(ref _failuresLeft, value); }

    /// <summary>How many times each payment's callback is sent (two: a duplicate).</summary>
    public int CallbacksPerPayment { get; set; } = 2;

    /// <summary>Every call received, as <c>METHOD path (signature ok|bad) key</c>.</summary>
    public IReadOnlyCollection<string> Calls => _calls;

    /// <summary>How many times money moved for each payment id.</summary>
    public IReadOnlyDictionary<string, int> Payouts => _payouts;

    /// <summary>The host's answers to the callbacks.</summary>
    public IReadOnlyCollection<(int Status, string Body)> CallbackAnswers => _callbackAnswers;

    public static async Task<TestPaymentService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new TestPaymentService(app, WebhookSignature.NewSecret());
        app.MapPost("/refunds", service.PayAsync);
        app.MapPost("/charges", service.PayAsync);
        app.MapGet("/refunds/{id}", (string id, HttpRequest request) => service.Poll(id, request));
        app.MapGet("/charges/{id}", (string id, HttpRequest request) => service.Poll(id, request));
        await app.StartAsync();
        return service;
    }

    private async Task<IResult> PayAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var key = request.Headers["Idempotency-Key"].ToString();
        var signed = WebhookSignature.Verify(Secret, request.Headers[WebhookSignature.IdHeader], request.Headers[WebhookSignature.TimestampHeader],
            request.Headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        _calls.Enqueue($"POST {request.Path} ({(signed ? "signature ok" : "signature bad")}) {key}");
        if (!signed || key.Length == 0)
        {
            return Results.Unauthorized();
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var payment = JsonNode.Parse(body)!.AsObject();
        if (!_payments.TryAdd(key, new JsonObject { ["status"] = "Pending", ["reference"] = "pay-" + key }))
        {
            return Status(key); // the same payment again: its status, and no second payout
        }

        _ = Task.Run(() => PayThenCallBackAsync(key, payment));
        return Results.Json(_payments[key], statusCode: StatusCodes.Status202Accepted);
    }

    private IResult Poll(string id, HttpRequest request)
    {
        var signed = WebhookSignature.Verify(Secret, request.Headers[WebhookSignature.IdHeader], request.Headers[WebhookSignature.TimestampHeader],
            request.Headers[WebhookSignature.SignatureHeader], "", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        _calls.Enqueue($"GET {request.Path} ({(signed ? "signature ok" : "signature bad")})");
        return signed ? Status(id) : Results.Unauthorized();
    }

    private IResult Status(string id) => _payments.TryGetValue(id, out var payment) ? Results.Json(payment) : Results.NotFound();

    private async Task PayThenCallBackAsync(string key, JsonObject payment)
    {
        await Task.Delay(200);
        _payouts.AddOrUpdate(key, 1, (_, paid) => paid + 1);
        _payments[key] = new JsonObject { ["status"] = "Succeeded", ["reference"] = "pay-" + key };
        var callback = JsonSerializer.Serialize(new
        {
            kind = payment["kind"]!.GetValue<string>(), paymentId = key, disputeId = payment["disputeId"]!.GetValue<string>(),
            status = "Succeeded", reference = "pay-" + key,
        });
        using var http = new HttpClient();
        for (var sent = 0; sent < CallbacksPerPayment; sent++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, payment["callbackUrl"]!.GetValue<string>())
            {
                Content = new StringContent(callback, Encoding.UTF8, "application/json"),
            };
            var now = DateTimeOffset.UtcNow;
            request.Headers.Add(WebhookSignature.IdHeader, $"cb-{key}");
            request.Headers.Add(WebhookSignature.TimestampHeader, WebhookSignature.Timestamp(now));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign([Secret], $"cb-{key}", now, callback));
            using var answer = await http.SendAsync(request);
            _callbackAnswers.Enqueue(((int)answer.StatusCode, await answer.Content.ReadAsStringAsync()));
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
