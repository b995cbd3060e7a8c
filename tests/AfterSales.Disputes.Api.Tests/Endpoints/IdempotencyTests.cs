using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

public class IdempotencyTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public IdempotencyTests(ApiFactory api) => _api = api;

    private static HttpRequestMessage Post(string url, string json, string key, string? ifMatch = "\"1\"")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    [Fact]
    public async Task TheSameKeyAndBody_ReplaysTheFirstAnswer_AndActsOnce()
    {
        var dispute = await OpenAsync(_api, "o-idem-1");
        using var seller = _api.As(Roles.Seller, Flagship);

        var first = await seller.SendAsync(Post($"/api/v1/disputes/{dispute.Id}/reject", """{"reasonCode":"no-fault"}""", "key-1"));
        var second = await seller.SendAsync(Post($"/api/v1/disputes/{dispute.Id}/reject", """{"reasonCode":"no-fault"}""", "key-1"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        second.Headers.ETag.Should().Be(first.Headers.ETag);
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await GetAsync(_api, Roles.Seller, Flagship, dispute.Id)).Version.Should().Be(2, "the rejection was taken once");
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBody_Gets422()
    {
        var dispute = await OpenAsync(_api, "o-idem-2");
        using var seller = _api.As(Roles.Seller, Flagship);
        await seller.SendAsync(Post($"/api/v1/disputes/{dispute.Id}/reject", """{"reasonCode":"no-fault"}""", "key-2"));

        var reused = await seller.SendAsync(Post($"/api/v1/disputes/{dispute.Id}/reject", """{"reasonCode":"other"}""", "key-2"));

        reused.StatusCode.Should().Be((HttpStatusCode)422);
        (await reused.Content.ReadAsStringAsync()).Should().Contain("/problems/idempotency-key-reused");
    }

    [Fact]
    public async Task ADuplicateWhileTheFirstIsRunning_Gets409()
    {
        var dispute = await OpenAsync(_api, "o-idem-3");
        using (var scope = _api.Services.CreateScope())
        {
            // The first request with this key has started and not answered yet.
            var hash = Hosting.IdempotencyKeys.RequestHash("POST", $"/api/v1/disputes/{dispute.Id}/approve", "{}"u8);
            await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().BeginAsync($"seller:{Flagship}", "key-3", hash, DateTimeOffset.UtcNow, default);
        }

        using var seller = _api.As(Roles.Seller, Flagship);
        var duplicate = await seller.SendAsync(Post($"/api/v1/disputes/{dispute.Id}/approve", "{}", "key-3"));

        (await duplicate.Content.ReadAsStringAsync()).Should().Contain("/problems/idempotency-key-in-use");
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await GetAsync(_api, Roles.Seller, Flagship, dispute.Id)).State.Should().Be(DisputeState.AwaitingSellerResponse);
    }

    [Fact]
    public async Task KeysArePerCaller_AndKeptForAtLeast24Hours()
    {
        using var scope = _api.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IIdempotencyStore>();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        (await store.BeginAsync("buyer:a", "k", "h", start, default)).State.Should().Be(IdempotencyState.Started);
        await store.CompleteAsync("buyer:a", "k", new StoredResponse(201, "application/json", [1], null, null), default);

        (await store.BeginAsync("buyer:a", "k", "h", start.AddHours(23.9), default)).State.Should().Be(IdempotencyState.Replay);
        (await store.BeginAsync("buyer:b", "k", "h", start.AddHours(1), default)).State.Should().Be(IdempotencyState.Started, "another caller's key is another key");
        (await store.BeginAsync("buyer:a", "k", "h", start.AddHours(24.1), default)).State.Should().Be(IdempotencyState.Started, "after 24 hours the key may be reused");
    }

    [Fact]
    public async Task OpeningTwiceWithOneKey_OpensOneRequest()
    {
        await RegisterAsync(_api, Router("o-idem-5"));
        using var buyer = _api.As(Roles.Buyer, Ana);
        var body = """{"orderId":"o-idem-5","lineId":"line-2","kind":"RefundOnly","reason":"MissingParts","description":"One cable missing","requestedRefund":{"minorUnits":2000,"currency":"CNY"}}""";

        var first = await buyer.SendAsync(Post("/api/v1/disputes", body, "open-5", ifMatch: null));
        var again = await buyer.SendAsync(Post("/api/v1/disputes", body, "open-5", ifMatch: null));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.Created);
        again.Headers.Location.Should().Be(first.Headers.Location);
        var list = await (await buyer.GetAsync("/api/v1/disputes")).Content.ReadAsStringAsync();
        list.Split("\"orderId\":\"o-idem-5\"").Length.Should().Be(2, "one request was opened");
    }
}
