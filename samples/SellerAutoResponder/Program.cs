// A store's after-sales bot calling the AfterSales.Disputes API with its token through the client generated from the
// API's OpenAPI document (samples/AfterSales.Disputes.Client): it answers every request waiting for the store —
// approving those under a threshold, offering a partial refund otherwise — and verifies the signatures of the
// webhooks the API sends to its own small listener.
//
//   dotnet run --project samples/SellerAutoResponder -- --api http://localhost:5080 --token <seller token>
//       [--approve-under 200.00] [--offer-percent 50] [--wait-seconds 20]
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using AfterSales.Disputes.Application.Webhooks;
using AfterSales.Disputes.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var options = Arguments.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: --api <url> --token <seller token> [--approve-under 200.00] [--offer-percent 50] [--wait-seconds 20]");
    return 2;
}

using var http = new HttpClient { BaseAddress = options.Api };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
var api = new AfterSalesApiClient(http);

// 1. A local listener for webhooks, subscribed with the API. Every delivery's signature is checked.
var secret = "";
var verified = new ConcurrentQueue<string>();
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
await using var listener = builder.Build();
listener.MapPost("/webhooks", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync();
    // Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature (one "v1,<base64>" per secret in use).
    var id = request.Headers[WebhookSignature.IdHeader].ToString();
    var valid = WebhookSignature.Verify(secret, id, request.Headers[WebhookSignature.TimestampHeader], request.Headers[WebhookSignature.SignatureHeader],
        body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
    var type = request.Headers[WebhookSignature.EventTypeHeader].ToString();
    Console.WriteLine($"webhook {type} {id}: signature {(valid ? "verified" : "INVALID")}");
    if (valid)
    {
        verified.Enqueue(type);
    }

    return valid ? Results.NoContent() : Results.Unauthorized();
});
await listener.StartAsync();
var hookUrl = listener.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/webhooks";
var subscription = await api.Webhooks_SubscribeAsync(NewKey(), new NewSubscription { Url = new Uri(hookUrl) });
secret = subscription.Secret;
Console.WriteLine($"listening for webhooks on {hookUrl}");

// 2. Answer every request waiting for the store: each action with the dispute's ETag (If-Match) and an Idempotency-Key.
var page = await api.Disputes_ListAsync([DisputeState.AwaitingSellerResponse], kind: null, escalated: null, openedBefore: null, after: null, limit: 200);
var acted = 0;
foreach (var summary in page.Items)
{
    var dispute = await api.Disputes_GetAsync(summary.Id);
    var asked = summary.RequestedRefund;
    if (asked is null || asked.MinorUnits < options.ApproveUnderMinor)
    {
        await api.Dispute_ApproveAsync(dispute.Id, dispute.ETag(), NewKey());
        Console.WriteLine($"approved {dispute.Id}{(asked is null ? "" : $" ({Money(asked.MinorUnits, asked.Currency)})")}");
    }
    else
    {
        var offer = asked.MinorUnits * options.OfferPercent / 100;
        await api.Dispute_OffersAsync(dispute.Id, dispute.ETag(), NewKey(), new OfferTerms
        {
            Remedy = Remedy.RefundKeepItem, Refund = new Amount { MinorUnits = offer, Currency = asked.Currency },
            Terms = $"Keep the item with {options.OfferPercent}% back",
        });
        Console.WriteLine($"offered {Money(offer, asked.Currency)} on {dispute.Id} ({Money(asked.MinorUnits, asked.Currency)} asked)");
    }

    acted++;
}

Console.WriteLine($"answered {acted} request(s)");

// 3. Wait for the API to deliver the events of what we did.
var deadline = DateTimeOffset.UtcNow.AddSeconds(options.WaitSeconds);
while (verified.Count < acted && DateTimeOffset.UtcNow < deadline)
{
    await Task.Delay(200);
}

await listener.StopAsync();
Console.WriteLine($"verified {verified.Count} webhook(s)");
return verified.Count >= acted ? 0 : 1;

static string NewKey() => Guid.NewGuid().ToString();

static string Money(long minor, string currency) => string.Create(CultureInfo.InvariantCulture, $"{minor / 100m:0.00} {currency}");

/// <summary>The command line.</summary>
internal sealed record Arguments(Uri Api, string Token, long ApproveUnderMinor, int OfferPercent, int WaitSeconds)
{
    public static Arguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        if (!values.TryGetValue("--api", out var api) || !Uri.TryCreate(api, UriKind.Absolute, out var url) || !values.TryGetValue("--token", out var token))
        {
            return null;
        }

        var threshold = decimal.Parse(values.GetValueOrDefault("--approve-under", "200.00"), CultureInfo.InvariantCulture);
        return new Arguments(url, token, (long)(threshold * 100),
            int.Parse(values.GetValueOrDefault("--offer-percent", "50"), CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("--wait-seconds", "20"), CultureInfo.InvariantCulture));
    }
}
