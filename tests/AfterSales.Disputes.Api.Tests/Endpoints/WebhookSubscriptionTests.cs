using System.Net;
using System.Text.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

public class WebhookSubscriptionTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public WebhookSubscriptionTests(ApiFactory api) => _api = api;

    /// <summary>
    /// An owner keeps at most <see cref="WebhookSubscription.MaxPerOwner"/> subscriptions (the list's bound in the
    /// document), removes one to make room, and no one else can remove it.
    /// </summary>
    [Fact]
    public async Task AStore_HasAtMostSixteenSubscriptions_AndOnlyItRemovesOne()
    {
        using var seller = _api.As(Roles.Seller, Reseller);
        using var other = _api.As(Roles.Seller, Flagship);
        var ids = new List<string>();
        for (var i = 0; i < WebhookSubscription.MaxPerOwner; i++)
        {
            var created = await seller.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = $"http://127.0.0.1:9/hooks/{i}" });
            created.StatusCode.Should().Be(HttpStatusCode.Created);
            ids.Add((await created.ReadAsync<WebhookSubscription>())!.Id);
        }

        var seventeenth = await seller.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = "http://127.0.0.1:9/hooks/more" });
        var foreignRemoval = await other.DeleteAsync($"/api/v1/webhooks/subscriptions/{ids[0]}");
        var removal = await seller.DeleteAsync($"/api/v1/webhooks/subscriptions/{ids[1]}");
        var again = await seller.DeleteAsync($"/api/v1/webhooks/subscriptions/{ids[1]}");
        var afterRemoval = await seller.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = "http://127.0.0.1:9/hooks/more" });

        seventeenth.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await seventeenth.Content.ReadAsStringAsync()).Should().Contain("/problems/too-many-subscriptions");
        foreignRemoval.StatusCode.Should().Be(HttpStatusCode.NotFound, "another store's subscription is not found, not forbidden");
        removal.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        afterRemoval.StatusCode.Should().Be(HttpStatusCode.Created);
        var listed = (await (await seller.GetAsync("/api/v1/webhooks/subscriptions")).ReadAsync<List<WebhookSubscription>>())!;
        listed.Should().HaveCount(WebhookSubscription.MaxPerOwner).And.Contain(s => s.Id == ids[0]).And.NotContain(s => s.Id == ids[1]);
    }

    /// <summary>
    /// A URL that would make the host call into its own network is refused with the reason, and nothing is stored:
    /// a private address, the cloud metadata address, http to a public host. (Development hosts take loopback, for
    /// a local receiver; the library's tests show it refused elsewhere.)
    /// </summary>
    [Theory]
    [InlineData("https://10.0.0.1/hooks", "resolves to 10.0.0.1")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "resolves to 169.254.169.254")]
    [InlineData("http://93.184.215.14/hooks", "is https")]
    public async Task AWebhookUrlIntoTheHostsNetwork_IsRefused_AndNothingIsStored(string url, string reason)
    {
        using var center = _api.As(Roles.ServiceCenter, "center-ssrf");

        var response = await center.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").GetProperty("url")[0].GetString().Should().Contain(reason);
        (await (await center.GetAsync("/api/v1/webhooks/subscriptions")).ReadAsync<List<WebhookSubscription>>()).Should().BeEmpty();
    }

    /// <summary>
    /// The owner rotates its secret: the answer shows the new one once and hides the old, which keeps signing until
    /// the answer's previousSecretExpiresAt; the list shows neither.
    /// </summary>
    [Fact]
    public async Task TheOwner_RotatesItsSecret_SeesTheNewOneOnce_AndTheOldOneKeepsSigningForADay()
    {
        using var seller = _api.As(Roles.Seller, "store-rotation");
        var created = (await (await seller.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = "http://127.0.0.1:9/rotate" })).ReadAsync<WebhookSubscription>())!;

        var response = await seller.PostRawAsync($"/api/v1/webhooks/subscriptions/{created.Id}/secret-rotation", "{}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var rotated = (await response.ReadAsync<WebhookSubscription>())!;
        rotated.Secret.Should().StartWith("whsec_").And.NotBe(created.Secret);
        rotated.PreviousSecret.Should().Be("(hidden)");
        rotated.PreviousSecretExpiresAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(24), TimeSpan.FromMinutes(1));
        var listed = (await (await seller.GetAsync("/api/v1/webhooks/subscriptions")).ReadAsync<List<WebhookSubscription>>())!.Single();
        listed.Secret.Should().Be("(hidden)");
        listed.PreviousSecret.Should().Be("(hidden)");
    }

    /// <summary>
    /// A service center subscribes for the repairs routed to it, and the platform subscribes a buyer's front end for
    /// that buyer's cases: each receives its cases' events and none of the other's. Only the platform subscribes for a buyer.
    /// </summary>
    [Fact]
    public async Task AServiceCenter_AndABuyersFrontEnd_GetTheirCasesEvents_AndNoOthers()
    {
        await using var centerReceiver = await WebhookReceiver.StartAsync();
        await using var frontEnd = await WebhookReceiver.StartAsync();
        using var center = _api.As(Roles.ServiceCenter, ServiceCenter);
        using var platform = _api.As(Roles.Platform, "platform");
        using var seller = _api.As(Roles.Seller, Flagship);
        (await center.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = centerReceiver.Url })).StatusCode.Should().Be(HttpStatusCode.Created);
        var forAna = await platform.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = frontEnd.Url, buyerId = Ana });
        forAna.StatusCode.Should().Be(HttpStatusCode.Created);
        var anas = (await forAna.ReadAsync<WebhookSubscription>())!;
        var bySeller = await seller.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = frontEnd.Url, buyerId = Ana });

        var hers = await OpenAsync(_api, "o-wh-ana");
        await RegisterAsync(_api, Router("o-wh-repair", Ben, deliveredDaysAgo: 60));
        using var ben = _api.As(Roles.Buyer, Ben);
        var repair = await OpenAsync(ben, new OpenDisputeBody("o-wh-repair", "line-1", RequestKind.Repair, RequestReason.Defective, "No power",
            Repair: new RepairApplication("AX3000", "SN-1", "no-power", "No power", null, [])));
        await ActAsync(_api, Roles.Seller, Flagship, hers.Id, "approve");
        await ActAsync(_api, Roles.Seller, Flagship, repair.Id, "approve");
        await ActAsync(_api, Roles.Buyer, Ben, repair.Id, "device-shipment", new ShipmentDetails("SF Express", "SF-WH"));
        await ActAsync(_api, Roles.ServiceCenter, ServiceCenter, repair.Id, "device/receive");

        await UntilAsync(centerReceiver, "dispute.receive-device");
        await UntilAsync(frontEnd, "dispute.approve");
        DisputesOf(centerReceiver).Should().OnlyContain(id => id == repair.Id, "the return was never routed to the service center");
        DisputesOf(frontEnd).Should().OnlyContain(id => id == hers.Id, "Ben's repair is not Ana's");
        bySeller.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var platformsOwn = (await (await platform.GetAsync("/api/v1/webhooks/subscriptions")).ReadAsync<List<WebhookSubscription>>())!;
        var anasListed = (await (await platform.GetAsync($"/api/v1/webhooks/subscriptions?buyerId={Ana}")).ReadAsync<List<WebhookSubscription>>())!;
        platformsOwn.Should().NotContain(s => s.Id == anas.Id);
        anasListed.Should().ContainSingle(s => s.Id == anas.Id).Which.BuyerId.Should().Be(Ana);
        (await platform.DeleteAsync($"/api/v1/webhooks/subscriptions/{anas.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private static IEnumerable<string> DisputesOf(WebhookReceiver receiver) =>
        receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("disputeId").GetString()!);

    // The host's worker fans events out and delivers them within seconds.
    private static async Task UntilAsync(WebhookReceiver receiver, string eventType)
    {
        for (var attempt = 0; attempt < 300 && !receiver.Received.Any(r => r.Body.Contains($"\"{eventType}\"", StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(100);
        }

        receiver.Received.Should().Contain(r => r.Body.Contains($"\"{eventType}\"", StringComparison.Ordinal), "the worker delivers within seconds");
    }
}
