using System.Text;
using System.Text.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;

namespace AfterSales.Disputes.Reliability.Tests.HostileInput;

/// <summary>
/// Malformed and edge-case request bodies against every POST route the host documents (read from its own OpenAPI
/// document, so a route added later is covered without touching this test), as each kind of caller: the host must
/// never answer 5xx, must answer every 4xx as problem details, and a turned-away request must change nothing.
/// </summary>
public sealed class HostileJsonTests
{
    // Bodies no route accepts, whatever its schema: broken JSON, wrong shapes, wrong types, unknown fields,
    // impossible numbers, invalid enum names, deep nesting, oversized and odd strings.
    private static readonly (string Name, string Body)[] Bodies =
    [
        ("empty", ""),
        ("truncated", "{\"text\": \"half"),
        ("null", "null"),
        ("array", "[1, 2, 3]"),
        ("string", "\"approve\""),
        ("number", "12345"),
        ("unknown field", "{\"notAField\": true}"),
        ("duplicate field", "{\"text\": \"a\", \"text\": \"b\", \"notAField\": 1}"),
        ("wrong types", "{\"text\": 12, \"stars\": \"five\", \"amount\": [], \"kind\": {}, \"orderId\": false}"),
        ("numbers as strings", "{\"stars\": \"5\", \"minorUnits\": \"100\"}"),
        ("huge number", "{\"stars\": 1e400, \"amount\": {\"minorUnits\": 99999999999999999999999999, \"currency\": \"CNY\"}}"),
        ("negative numbers", "{\"stars\": -5, \"amount\": {\"minorUnits\": -100, \"currency\": \"CNY\"}, \"notAField\": 0}"),
        ("invalid enum names", "{\"kind\": \"Teleport\", \"reason\": \"Because\", \"remedy\": \"Everything\", \"notAField\": 0}"),
        ("odd unicode with an unknown field", "{\"text\": \"\\u0000\\u202e\\ud800\\uffff\", \"notAField\": 1}"),
        ("deep nesting", new string('[', 5_000) + new string(']', 5_000)),
        ("deep object nesting", string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000)),
        ("oversized string", "{\"text\": \"" + new string('x', 2_000_000) + "\"}"),
        ("invalid UTF-8", "{\"text\": \"\u00ff\u00fe\"}"),
    ];

    private static readonly (string Role, string Party)[] Callers =
    [
        (Roles.Buyer, World.Ana),
        (Roles.Seller, World.Flagship),
        (Roles.Arbitrator, Testing.Marketplace.Arbitrator),
        (Roles.Platform, "platform"),
    ];

    [Fact]
    public async Task EveryPostRoute_AnswersHostileBodiesWith4xxProblemDetails_AndChangesNothing()
    {
        await using var host = await HostProcess.StartAsync(settings: ("AfterSales__RateLimit__PermitsPerMinute", "1000000"));
        var disputeId = await host.OpenReturnAsync("order-hostile");
        using var reader = await host.ClientAsync(Roles.Buyer, World.Ana);
        var routes = await PostRoutesAsync(reader, disputeId);
        routes.Should().HaveCountGreaterThan(20, "the host documents every route that reads a body");
        var before = await SnapshotAsync(reader, disputeId);
        var failures = new List<string>();

        foreach (var (role, party) in Callers)
        {
            using var client = await host.ClientAsync(role, party);
            foreach (var route in routes)
            {
                foreach (var (name, body) in Bodies)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, route)
                    {
                        Content = name == "invalid UTF-8"
                            ? new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"text\": \""), 0xFF, 0xFE, 0xC3, .. Encoding.UTF8.GetBytes("\"}")])
                            : new StringContent(body, Encoding.UTF8),
                    };
                    request.Content.Headers.ContentType = new("application/json");
                    request.Headers.TryAddWithoutValidation("If-Match", before.ETag);
                    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    if (status is < 400 or >= 500)
                    {
                        failures.Add($"{role} POST {route} with {name}: {status} {await ShortBodyAsync(response)}");
                    }
                    else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{role} POST {route} with {name}: {status} without problem details ({response.Content.Headers.ContentType})");
                    }
                }
            }
        }

        failures.Should().BeEmpty();
        (await SnapshotAsync(reader, disputeId)).Should().Be(before, "no hostile request changed anything stored");
    }

    // Every documented POST that reads a JSON body, path parameters filled in. (Routes without a body ignore
    // one; uploads are multipart and have their own drill.)
    private static async Task<List<string>> PostRoutesAsync(HttpClient client, string disputeId)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var routes = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (path.Value.TryGetProperty("post", out var post)
                && post.TryGetProperty("requestBody", out var requestBody) && requestBody.GetProperty("content").TryGetProperty("application/json", out _))
            {
                routes.Add(path.Name.Replace("{disputeId}", disputeId, StringComparison.Ordinal).Replace("{deliveryId}", "delivery-x", StringComparison.Ordinal));
            }
        }

        return routes;
    }

    // What the buyer can see of the store: the dispute (its ETag is its version) and how many disputes it has.
    private static async Task<(string ETag, string Disputes)> SnapshotAsync(HttpClient client, string disputeId)
    {
        var dispute = await client.GetAsync($"/api/v1/disputes/{disputeId}");
        var list = await client.GetStringAsync("/api/v1/disputes?limit=200");
        return (dispute.Headers.ETag!.Tag, list);
    }

    private static async Task<string> ShortBodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length <= 300 ? text : text[..300];
    }
}
