using System.Net;
using System.Net.Http.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.Api.Tests.Support;

/// <summary>Orders and disputes set up through the API itself, as a platform and its buyers would.</summary>
public static class World
{
    public const string Ana = "buyer-ana";
    public const string Ben = "buyer-ben";
    public const string Flagship = DemoMarketplace.Flagship;
    public const string Reseller = DemoMarketplace.Reseller;
    public const string ServiceCenter = DemoMarketplace.ServiceCenter;

    public static Amount Yuan(decimal value) => Amount.FromMajor(value, Currency.CNY);

    /// <summary>A router (line-1, with on-site service when <paramref name="onSite"/>) and two cables (line-2).</summary>
    public static Order Router(string orderId, string buyer = Ana, string store = Flagship, int deliveredDaysAgo = 2, bool onSite = false)
    {
        var delivered = DateTimeOffset.UtcNow.AddDays(-deliveredDaysAgo);
        return new Order(orderId, buyer, store, "CN", Currency.CNY,
            [
                new OrderLine("line-1", "LW-AX3000", "Linkwave AX3000 router", ItemCategory.Electronics, Yuan(399), 1, Yuan(399), "SN-1", "Linkwave",
                    OnSiteService: onSite),
                new OrderLine("line-2", "LW-CAT6", "Cable", ItemCategory.None, Yuan(20), 2, Yuan(40)),
            ],
            Yuan(10), delivered.AddDays(-3), delivered.AddDays(-2), delivered, DateOnly.FromDateTime(delivered.AddDays(-3).UtcDateTime));
    }

    /// <summary>Three mice (a free mouse pad with each) and a keyboard at the flagship store, delivered two days ago.</summary>
    public static Order Peripherals(string orderId, string buyer = Ana)
    {
        var delivered = DateTimeOffset.UtcNow.AddDays(-2);
        return new Order(orderId, buyer, Flagship, "CN", Currency.CNY,
            [
                new OrderLine("line-mouse", "LW-M1", "Linkwave M1 mouse", ItemCategory.Electronics, Yuan(100), 3, Yuan(300)),
                new OrderLine("line-keyboard", "LW-K1", "Linkwave K1 keyboard", ItemCategory.Electronics, Yuan(200), 1, Yuan(200)),
                new OrderLine("line-pad", "LW-PAD", "Mouse pad (gift)", ItemCategory.None, Yuan(0), 3, Yuan(0), GiftForLineId: "line-mouse"),
            ],
            Yuan(10), delivered.AddDays(-3), delivered.AddDays(-2), delivered);
    }

    public static async Task RegisterAsync(ApiFactory api, Order order)
    {
        using var platform = api.As(Roles.Platform, "platform");
        var response = await platform.PostJsonAsync("/api/v1/orders", order);
        response.StatusCode.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
    }

    /// <summary>Registers an order and opens a request on its router line; returns the dispute.</summary>
    public static async Task<DisputeResponse> OpenAsync(ApiFactory api, string orderId, string buyer = Ana, string store = Flagship,
        RequestKind kind = RequestKind.ReturnAndRefund, RequestReason reason = RequestReason.Defective, RepairApplication? repair = null)
    {
        await RegisterAsync(api, Router(orderId, buyer, store));
        using var client = api.As(Roles.Buyer, buyer);
        var refund = kind is RequestKind.RefundOnly or RequestKind.ReturnAndRefund ? Yuan(399) : (Amount?)null;
        var response = await client.PostJsonAsync("/api/v1/disputes", new OpenDisputeBody(orderId, "line-1", kind, reason, "It is broken", refund, Repair: repair));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<DisputeResponse>())!;
    }

    /// <summary>Opens a request with <paramref name="client"/> (a buyer's) and fails the test unless it answered 201.</summary>
    public static async Task<DisputeResponse> OpenAsync(HttpClient client, OpenDisputeBody body)
    {
        var response = await client.PostJsonAsync("/api/v1/disputes", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<DisputeResponse>())!;
    }

    /// <summary>Takes an action with the dispute's current ETag and fails the test unless it answered 200.</summary>
    public static async Task<DisputeResponse> ActAsync<T>(ApiFactory api, string role, string party, string disputeId, string action, T body)
    {
        using var client = api.As(role, party);
        var current = await client.GetAsync($"/api/v1/disputes/{disputeId}");
        var response = await client.PostJsonAsync($"/api/v1/disputes/{disputeId}/{action}", body, current.Headers.ETag!.Tag);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<DisputeResponse>())!;
    }

    public static Task<DisputeResponse> ActAsync(ApiFactory api, string role, string party, string disputeId, string action) =>
        ActAsync(api, role, party, disputeId, action, new { });

    public static async Task<DisputeResponse> GetAsync(ApiFactory api, string role, string party, string disputeId)
    {
        using var client = api.As(role, party);
        return (await client.GetFromJsonAsync<DisputeResponse>($"/api/v1/disputes/{disputeId}", ApiJson.Options))!;
    }

    /// <summary>Reads the dispute as its buyer until it reaches <paramref name="state"/> (the host's worker pays refunds and takes charges within seconds).</summary>
    public static async Task<DisputeResponse> WaitForAsync(ApiFactory api, string buyer, string disputeId, DisputeState state)
    {
        for (var attempt = 0; ; attempt++)
        {
            var dispute = await GetAsync(api, Roles.Buyer, buyer, disputeId);
            if (dispute.State == state || attempt >= 150)
            {
                dispute.State.Should().Be(state, "the host's worker acts within seconds");
                return dispute;
            }

            await Task.Delay(100);
        }
    }
}
