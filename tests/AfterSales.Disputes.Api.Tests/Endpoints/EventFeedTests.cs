using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Endpoints;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>The event feed: each party follows all its cases over one route, and sees nobody else's.</summary>
public class EventFeedTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public EventFeedTests(ApiFactory api) => _api = api;

    /// <summary>
    /// Ana's front end follows her cases: it reads her events page by page from its cursor, waits for the next one
    /// with long polling, and never receives an event of Ben's case at the same store.
    /// </summary>
    [Fact]
    public async Task ABuyer_FollowsHerCases_PageByPage_AndWaiting_AndNeverSeesAnotherBuyersEvents()
    {
        using var ana = _api.As(Roles.Buyer, Ana);
        var start = await ReadAllAsync(ana, null);
        var hers = await OpenAsync(_api, "o-feed-ana");
        var his = await OpenAsync(_api, "o-feed-ben", Ben);
        await ActAsync(_api, Roles.Seller, Flagship, his.Id, "approve");
        await ActAsync(_api, Roles.Seller, Flagship, hers.Id, "approve");

        var read = await ReadAllAsync(ana, start.Cursor, limit: 1);

        read.Events.Select(e => (e.DisputeId, e.Action)).Should().Equal((hers.Id, DisputeAction.Open), (hers.Id, DisputeAction.Approve));
        var waiting = ana.GetAsync($"/api/v1/events?after={read.Cursor}&wait=20");
        await Task.Delay(300);
        waiting.IsCompleted.Should().BeFalse("nothing happened on her cases yet, so the answer is held");
        await ActAsync(_api, Roles.Buyer, Ben, his.Id, "return-shipment", new ShipmentDetails("SF Express", "SF-BEN"));
        await ActAsync(_api, Roles.Buyer, Ana, hers.Id, "return-shipment", new ShipmentDetails("SF Express", "SF-FEED"));
        var woken = (await (await waiting).ReadAsync<EventFeedResponse>())!;
        woken.Events.Should().ContainSingle().Which.Action.Should().Be(DisputeAction.ShipReturn);

        using var ben = _api.As(Roles.Buyer, Ben);
        var bens = await ReadAllAsync(ben, null);
        bens.Events.Should().NotBeEmpty().And.OnlyContain(e => e.DisputeId != hers.Id);
        (await ReadAllAsync(ana, null)).Events.Should().NotBeEmpty().And.OnlyContain(e => e.DisputeId != his.Id);
    }

    /// <summary>
    /// The service center follows the repairs routed to it, from the seller's approval on; a return at the same store,
    /// which never comes to it, does not show.
    /// </summary>
    [Fact]
    public async Task AServiceCenter_FollowsTheRepairsRoutedToIt_AndNoOtherCase()
    {
        using var center = _api.As(Roles.ServiceCenter, ServiceCenter);
        var start = await ReadAllAsync(center, null);
        await RegisterAsync(_api, Router("o-feed-repair", Ben, deliveredDaysAgo: 60));
        using var ben = _api.As(Roles.Buyer, Ben);
        var repair = await OpenAsync(ben, new OpenDisputeBody("o-feed-repair", "line-1", RequestKind.Repair, RequestReason.Defective, "No power",
            Repair: new RepairApplication("AX3000", "SN-1", "no-power", "No power", null, [])));
        var unrouted = await OpenAsync(_api, "o-feed-return");
        await ActAsync(_api, Roles.Seller, Flagship, repair.Id, "approve");
        await ActAsync(_api, Roles.Seller, Flagship, unrouted.Id, "approve");
        await ActAsync(_api, Roles.Buyer, Ben, repair.Id, "device-shipment", new ShipmentDetails("SF Express", "SF-REPAIR"));
        await ActAsync(_api, Roles.ServiceCenter, ServiceCenter, repair.Id, "device/receive");

        var read = await ReadAllAsync(center, start.Cursor);

        read.Events.Should().OnlyContain(e => e.DisputeId == repair.Id);
        read.Events.Select(e => e.Action).Should().Equal(DisputeAction.Open, DisputeAction.Approve, DisputeAction.ShipDevice, DisputeAction.ReceiveDevice);
    }

    /// <summary>A cursor the feed did not give, or a wait past the bound, is a 400 that names it.</summary>
    [Fact]
    public async Task AForeignCursor_OrTooLongAWait_IsRefusedByName()
    {
        using var seller = _api.As(Roles.Seller, Flagship);

        var badCursor = await seller.GetAsync("/api/v1/events?after=not-a-cursor");
        var tooLong = await seller.GetAsync($"/api/v1/events?wait={EventFeedEndpoints.MaxWaitSeconds + 1}");

        badCursor.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badCursor.Content.ReadAsStringAsync()).Should().Contain("\"after\"");
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).Should().Contain("\"wait\"");
    }

    // Reads pages from the cursor until one comes back empty; the events of all pages, and the last cursor.
    private static async Task<EventFeedResponse> ReadAllAsync(HttpClient client, string? cursor, int limit = 200)
    {
        var events = new List<DisputeEvent>();
        while (true)
        {
            var response = await client.GetAsync($"/api/v1/events?limit={limit}" + (cursor is null ? "" : $"&after={cursor}"));
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var page = (await response.ReadAsync<EventFeedResponse>())!;
            if (page.Events.Count == 0)
            {
                return new EventFeedResponse(events, page.Cursor);
            }

            events.AddRange(page.Events);
            cursor = page.Cursor;
        }
    }
}
