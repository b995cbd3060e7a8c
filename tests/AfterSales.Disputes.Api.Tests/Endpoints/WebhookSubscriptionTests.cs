using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
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
}
