using System.Net;
using System.Text.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Endpoints;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>The test clock: an integrator makes days pass over HTTP, on Development and sandbox hosts only.</summary>
public class TestClockTests : IClassFixture<ApiFactory>
{
    private const string ProductionKey = "a-production-signing-key-that-is-long-enough";
    private readonly ApiFactory _api;

    public TestClockTests(ApiFactory api) => _api = api;

    /// <summary>
    /// Moving the clock past the seller's response deadline auto-approves the request by the time the answer comes,
    /// and the store's webhook receives the auto-approval, signed at the real time.
    /// </summary>
    [Fact]
    public async Task AdvancingTheClockPastTheSellersDeadline_AutoApproves_AndTheStoreGetsTheWebhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var seller = _api.As(Roles.Seller, Flagship);
        var subscription = (await (await seller.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = receiver.Url })).ReadAsync<WebhookSubscription>())!;
        var dispute = await OpenAsync(_api, "o-clock-1");
        dispute.Deadline!.ExpiresWith.Should().Be(DisputeAction.AutoApprove);
        using var platform = _api.As(Roles.Platform, "platform");
        var before = (await (await platform.GetAsync("/api/v1/test-clock")).ReadAsync<TestClockState>())!;

        var advance = await platform.PostJsonAsync("/api/v1/test-clock/advance", new AdvanceTestClock(To: dispute.Deadline.DueAt.AddMinutes(1)));

        advance.StatusCode.Should().Be(HttpStatusCode.OK, await advance.Content.ReadAsStringAsync());
        var after = (await advance.ReadAsync<TestClockState>())!;
        after.Now.Should().BeOnOrAfter(dispute.Deadline.DueAt.AddMinutes(1));
        after.AheadBySeconds.Should().BeGreaterThan(before.AheadBySeconds);
        after.DeadlinesFired.Should().BeGreaterThanOrEqualTo(1);
        var timeline = (await (await seller.GetAsync($"/api/v1/disputes/{dispute.Id}/timeline")).ReadAsync<List<DisputeEvent>>())!;
        timeline.Should().Contain(e => e.Action == DisputeAction.AutoApprove, "the deadline fired before the answer came");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!receiver.Received.Any(r => r.Body.Contains(dispute.Id, StringComparison.Ordinal) && r.Body.Contains("\"dispute.auto-approve\"", StringComparison.Ordinal))
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var webhook = receiver.Received.Single(r => r.Body.Contains(dispute.Id, StringComparison.Ordinal) && r.Body.Contains("\"dispute.auto-approve\"", StringComparison.Ordinal));
        webhook.VerifiesWith(subscription.Secret, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5))
            .Should().BeTrue("webhooks are signed at the real time, whatever the test clock says");
    }

    /// <summary>Time only moves forward, by one of two ways, and only the platform moves it.</summary>
    [Fact]
    public async Task TheClock_MovesOnlyForward_ByThePlatform()
    {
        using var platform = _api.As(Roles.Platform, "platform");
        using var seller = _api.As(Roles.Seller, Flagship);
        var now = (await (await platform.GetAsync("/api/v1/test-clock")).ReadAsync<TestClockState>())!.Now;

        var back = await platform.PostJsonAsync("/api/v1/test-clock/advance", new AdvanceTestClock(To: now.AddHours(-1)));
        var both = await platform.PostJsonAsync("/api/v1/test-clock/advance", new AdvanceTestClock(To: now.AddHours(1), BySeconds: 60));
        var tooFar = await platform.PostJsonAsync("/api/v1/test-clock/advance", new AdvanceTestClock(BySeconds: TestClockEndpoints.MaxAdvanceSeconds + 1));
        var bySeller = await seller.PostJsonAsync("/api/v1/test-clock/advance", new AdvanceTestClock(BySeconds: 60));
        var readBySeller = await seller.GetAsync("/api/v1/test-clock");
        var byAMinute = await platform.PostJsonAsync("/api/v1/test-clock/advance", new AdvanceTestClock(BySeconds: 60));

        back.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await back.Content.ReadAsStringAsync()).Should().Contain("/problems/clock-not-advanced");
        both.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        tooFar.StatusCode.Should().Be(HttpStatusCode.BadRequest, "bySeconds is bounded by the contract");
        bySeller.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        readBySeller.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byAMinute.StatusCode.Should().Be(HttpStatusCode.OK);
        (await byAMinute.ReadAsync<TestClockState>())!.Now.Should().BeOnOrAfter(now.AddSeconds(60));
    }

    /// <summary>In Production the test clock's routes do not exist, and a sandbox setting stops the host at start.</summary>
    [Fact]
    public async Task InProduction_TheTestClockDoesNotExist_AndTheSandboxSettingIsRefused()
    {
        await using var authority = await TestAuthority.StartAsync();
        using var production = new ApiFactory
        {
            Environment = "Production", Settings = [("AfterSales:Auth:Authority", authority.Issuer), ("AfterSales:Auth:RequireHttpsMetadata", "false")],
        };
        using var sandboxInProduction = new ApiFactory
        {
            Environment = "Production", Settings = [("AfterSales:Auth:SigningKey", ProductionKey), ("AfterSales:Sandbox", "true")],
        };
        using var sandbox = new ApiFactory { Environment = "Sandbox", Settings = [("AfterSales:Auth:SigningKey", ProductionKey), ("AfterSales:Sandbox", "true")] };
        using var platform = production.CreateClient(); // Production takes its authority's tokens only
        platform.DefaultRequestHeaders.Authorization = new("Bearer", authority.Token(authority.Rsa, Roles.Platform, "platform", claims: ("role", "sub")));
        using var sandboxPlatform = sandbox.As(Roles.Platform, "platform");

        var read = await platform.GetAsync("/api/v1/test-clock");
        var advance = await platform.PostJsonAsync("/api/v1/test-clock/advance", new AdvanceTestClock(BySeconds: 60));
        var start = () => sandboxInProduction.CreateClient();

        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await platform.GetAsync("/api/v1/flows")).StatusCode.Should().Be(HttpStatusCode.OK, "the platform's token is taken: the test clock is what is missing");
        advance.StatusCode.Should().Be(HttpStatusCode.NotFound);
        start.Should().Throw<InvalidOperationException>().WithMessage("AfterSales:Sandbox is refused in Production*");
        (await sandboxPlatform.GetAsync("/api/v1/test-clock")).StatusCode.Should().Be(HttpStatusCode.OK, "an explicit sandbox has the test clock");
        using var document = JsonDocument.Parse(await platform.GetStringAsync("/swagger/v1/swagger.json"));
        document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/test-clock", out _).Should().BeFalse("Production's document has no test clock");
    }
}
