using System.Net;
using System.Net.Http.Headers;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Auth;

/// <summary>
/// Every route × every role × a resource of the caller's own and a foreign one: a role that may not call the
/// route gets 403; a foreign resource is 404 (never revealed); the caller's own resource gets past both.
/// </summary>
public class AuthorizationMatrixTests : IClassFixture<AuthorizationMatrixTests.Marketplace>
{
    private readonly Marketplace _world;

    public AuthorizationMatrixTests(Marketplace world) => _world = world;

    /// <summary>Who each role is, and which dispute is its own and which foreign.</summary>
    public sealed class Marketplace : IAsyncLifetime, IDisposable
    {
        public ApiFactory Api { get; } = new();

        /// <summary>Ana's return at the flagship store.</summary>
        public string Return { get; private set; } = "";

        /// <summary>Ben's return at the reseller.</summary>
        public string OtherReturn { get; private set; } = "";

        /// <summary>Ana's escalated claim at the flagship store.</summary>
        public string Escalated { get; private set; } = "";

        /// <summary>Ben's repair at the flagship store, routed to the service center.</summary>
        public string Repair { get; private set; } = "";

        public string EvidenceFile { get; private set; } = "";

        public string Subscription { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Return = (await OpenAsync(Api, "m-return")).Id;
            OtherReturn = (await OpenAsync(Api, "m-other", buyer: Ben, store: Reseller)).Id;
            Escalated = (await OpenAsync(Api, "m-escalated")).Id;
            await ActAsync(Api, Roles.Seller, Flagship, Escalated, "reject", new RejectionReason("no-fault"));
            await ActAsync(Api, Roles.Buyer, Ana, Escalated, "escalation", new EscalationRequest("Faulty"));
            Repair = (await OpenAsync(Api, "m-repair", buyer: Ben, kind: RequestKind.Repair,
                repair: new RepairApplication("AX3000", "SN-1", "wifi", "Drops", null, []))).Id;
            await ActAsync(Api, Roles.Seller, Flagship, Repair, "approve");
            using var buyer = Api.As(Roles.Buyer, Ana);
            var file = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            var upload = await buyer.PostAsync($"/api/v1/disputes/{Return}/evidence-files", new MultipartFormDataContent { { file, "file", "a.jpg" } });
            EvidenceFile = (await upload.ReadAsync<Application.Ports.EvidenceFile>())!.Id;
            using var seller = Api.As(Roles.Seller, Flagship);
            var subscription = await seller.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = "http://127.0.0.1:9/hooks" });
            Subscription = (await subscription.ReadAsync<Application.Ports.WebhookSubscription>())!.Id;
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Api.Dispose();

        public string PartyOf(string role) => role switch
        {
            Roles.Buyer => Ana,
            Roles.Seller => Flagship,
            Roles.Arbitrator => "arb-lee",
            Roles.ServiceCenter => ServiceCenter,
            _ => "platform",
        };

        /// <summary>The role's own dispute, and a foreign one (null for the platform, which sees everything).</summary>
        public (string Own, string? Foreign) Disputes(string role) => role switch
        {
            Roles.Buyer or Roles.Seller => (Return, OtherReturn),
            Roles.Arbitrator => (Escalated, OtherReturn), // never escalated: no case here acts on it as its own
            Roles.ServiceCenter => (Repair, OtherReturn),
            _ => (Return, null),
        };
    }

    // Who may call each action route today, written out as the specification the host is held to. A route
    // added since takes its roles from its declaration (the parties its flows let take it); every route's
    // body is its declaration's example.
    private static readonly Dictionary<string, string[]> s_pinnedRoles = new()
    {
        ["approve"] = [Roles.Seller],
        ["reject"] = [Roles.Seller],
        ["offers"] = [Roles.Seller],
        ["receipt"] = [Roles.Seller],
        ["replacement-shipment"] = [Roles.Seller],
        ["withdraw"] = [Roles.Buyer],
        ["offer/accept"] = [Roles.Buyer],
        ["offer/decline"] = [Roles.Buyer],
        ["counter-offers"] = [Roles.Buyer],
        ["return-shipment"] = [Roles.Buyer],
        ["problem-report/accept"] = [Roles.Buyer],
        ["replacement/confirm"] = [Roles.Buyer],
        ["device-shipment"] = [Roles.Buyer],
        ["quote/accept"] = [Roles.Buyer],
        ["quote/decline"] = [Roles.Buyer],
        ["repair/confirm"] = [Roles.Buyer],
        ["repeat-faults"] = [Roles.Buyer],
        ["entitlement/exchange"] = [Roles.Buyer],
        ["entitlement/refund"] = [Roles.Buyer],
        ["rating"] = [Roles.Buyer],
        ["device/receive"] = [Roles.ServiceCenter],
        ["diagnosis"] = [Roles.ServiceCenter],
        ["repair/complete"] = [Roles.ServiceCenter],
        ["device/return-shipment"] = [Roles.ServiceCenter],
        ["assignment"] = [Roles.Arbitrator],
        ["evidence-requests"] = [Roles.Arbitrator],
        ["ruling"] = [Roles.Arbitrator],
        ["appeal/assignment"] = [Roles.Arbitrator],
        ["appeal/uphold"] = [Roles.Arbitrator],
        ["appeal/overturn"] = [Roles.Arbitrator],
        ["refund/retry"] = [Roles.Arbitrator, Roles.Seller],
        ["escalation"] = [Roles.Buyer, Roles.Seller],
        ["evidence"] = [Roles.Buyer, Roles.Seller],
        ["ruling/accept"] = [Roles.Buyer, Roles.Seller],
        ["appeals"] = [Roles.Buyer, Roles.Seller],
        ["messages"] = [Roles.Buyer, Roles.Seller, Roles.Arbitrator, Roles.ServiceCenter],
    };

    private static readonly (string Route, string[] Roles, string Body)[] s_actions =
    [
        .. Disputes.DisputeActions.All.Where(a => a.Route is not null).Select(a => (
            a.Route!,
            s_pinnedRoles.GetValueOrDefault(a.Route!) ?? Api.Endpoints.DisputeActionEndpoints.RolesOf(a.Parties),
            a.Example is null ? "{}" : System.Text.Json.JsonSerializer.Serialize(a.Example, a.ArgumentType!, ApiJson.Options))),
    ];

    [Fact]
    public void EveryPinnedRoute_IsADeclaredAction()
    {
        s_pinnedRoles.Keys.Should().BeSubsetOf(Disputes.DisputeActions.All.Select(a => a.Route), "a route renamed or removed must leave the pinned list too");
    }

    public static TheoryData<string, string, bool> ActionCases()
    {
        var cases = new TheoryData<string, string, bool>();
        foreach (var (route, _, _) in s_actions)
        {
            foreach (var role in Roles.All)
            {
                cases.Add(route, role, true);
                if (role != Roles.Platform)
                {
                    cases.Add(route, role, false);
                }
            }
        }

        return cases;
    }

    public static TheoryData<string, string, bool> ReadCases()
    {
        var cases = new TheoryData<string, string, bool>();
        foreach (var route in new[] { "", "/order", "/policy", "/timeline", "/allowed-actions", "/messages", "/evidence-files", "/evidence-files/{file}" })
        {
            foreach (var role in Roles.All)
            {
                cases.Add(route, role, true);
                if (role != Roles.Platform)
                {
                    cases.Add(route, role, false);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(ActionCases))]
    public async Task DisputeActions(string route, string role, bool own)
    {
        var (_, roles, body) = s_actions.Single(a => a.Route == route);
        var (mine, foreign) = _world.Disputes(role);
        var disputeId = own ? mine : foreign!;
        using var client = _world.Api.As(role, _world.PartyOf(role));

        var response = await client.PostRawAsync($"/api/v1/disputes/{disputeId}/{route}", body, await EtagAsync(disputeId));

        Expect(response, roles.Contains(role), own);
    }

    [Theory]
    [MemberData(nameof(ReadCases))]
    public async Task DisputeReads(string route, string role, bool own)
    {
        var (mine, foreign) = _world.Disputes(role);
        var disputeId = own ? mine : foreign!;
        var file = disputeId == _world.Return ? _world.EvidenceFile : "ev_missing";
        using var client = _world.Api.As(role, _world.PartyOf(role));

        var response = await client.GetAsync($"/api/v1/disputes/{disputeId}{route.Replace("{file}", file, StringComparison.Ordinal)}");

        if (route == "/evidence-files/{file}" && own && disputeId != _world.Return)
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, "that dispute has no such file");
            return;
        }

        Expect(response, allowed: true, own);
    }

    [Theory]
    [InlineData(Roles.Buyer)]
    [InlineData(Roles.Seller)]
    [InlineData(Roles.Arbitrator)]
    [InlineData(Roles.ServiceCenter)]
    [InlineData(Roles.Platform)]
    public async Task OpeningRequests_IsForBuyers_OnTheirOwnOrders(string role)
    {
        await RegisterAsync(_world.Api, Router($"m-open-{role}", buyer: Ben));
        using var client = _world.Api.As(role, _world.PartyOf(role));

        var response = await client.PostRawAsync("/api/v1/disputes",
            "{\"orderId\":\"m-open-" + role + "\",\"lineId\":\"line-2\",\"kind\":\"RefundOnly\",\"reason\":\"MissingParts\",\"description\":\"Missing\","
            + "\"requestedRefund\":{\"minorUnits\":100,\"currency\":\"CNY\"}}");

        response.StatusCode.Should().Be(role == Roles.Buyer ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, "Ana may not open on Ben's order");
    }

    [Theory]
    [InlineData(Roles.Buyer, "m-return", HttpStatusCode.OK)]
    [InlineData(Roles.Buyer, "m-other", HttpStatusCode.NotFound)]
    [InlineData(Roles.Seller, "m-return", HttpStatusCode.OK)]
    [InlineData(Roles.Seller, "m-other", HttpStatusCode.NotFound)]
    [InlineData(Roles.Arbitrator, "m-return", HttpStatusCode.NotFound)]
    [InlineData(Roles.ServiceCenter, "m-return", HttpStatusCode.NotFound)]
    [InlineData(Roles.Platform, "m-other", HttpStatusCode.OK)]
    public async Task Orders_AreVisibleToTheirBuyerStoreAndThePlatform(string role, string orderId, HttpStatusCode expected)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));

        (await client.GetAsync($"/api/v1/orders/{orderId}")).StatusCode.Should().Be(expected);
    }

    [Theory]
    [InlineData(Roles.Buyer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Seller, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Arbitrator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.ServiceCenter, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Platform, HttpStatusCode.Created)]
    public async Task OnlyThePlatform_RegistersOrders(string role, HttpStatusCode expected)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));

        var response = await client.PostJsonAsync("/api/v1/orders", Router($"m-register-{role}"));

        response.StatusCode.Should().Be(expected);
    }

    [Theory]
    [InlineData(Roles.Buyer, "m-return", HttpStatusCode.OK)]
    [InlineData(Roles.Buyer, "m-other", HttpStatusCode.NotFound)]
    [InlineData(Roles.Platform, "m-other", HttpStatusCode.OK)]
    [InlineData(Roles.Seller, "m-return", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Arbitrator, "m-return", HttpStatusCode.Forbidden)]
    [InlineData(Roles.ServiceCenter, "m-return", HttpStatusCode.Forbidden)]
    public async Task EligibilityPreviews_AreForBuyersOnTheirOrders_AndThePlatform(string role, string orderId, HttpStatusCode expected)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));

        (await client.GetAsync($"/api/v1/orders/{orderId}/eligibility?lineId=line-1&kind=ReturnAndRefund&reason=NoReason")).StatusCode.Should().Be(expected);
    }

    [Theory]
    [InlineData(Roles.Seller, Flagship, HttpStatusCode.OK)]
    [InlineData(Roles.Seller, Reseller, HttpStatusCode.NotFound)]
    [InlineData(Roles.Arbitrator, Reseller, HttpStatusCode.OK)]
    [InlineData(Roles.Platform, Reseller, HttpStatusCode.OK)]
    [InlineData(Roles.Buyer, Flagship, HttpStatusCode.Forbidden)]
    [InlineData(Roles.ServiceCenter, Flagship, HttpStatusCode.Forbidden)]
    public async Task Scorecards_AreForTheirStoreArbitratorsAndThePlatform(string role, string storeId, HttpStatusCode expected)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));

        (await client.GetAsync($"/api/v1/stores/{storeId}/scorecard")).StatusCode.Should().Be(expected);
    }

    [Theory]
    [InlineData(Roles.Arbitrator, HttpStatusCode.OK)]
    [InlineData(Roles.Platform, HttpStatusCode.OK)]
    [InlineData(Roles.Buyer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Seller, HttpStatusCode.Forbidden)]
    [InlineData(Roles.ServiceCenter, HttpStatusCode.Forbidden)]
    public async Task TheArbitrationQueue_IsForArbitratorsAndThePlatform(string role, HttpStatusCode expected)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));

        (await client.GetAsync("/api/v1/arbitration/queue")).StatusCode.Should().Be(expected);
    }

    [Theory]
    [InlineData(Roles.Seller, Flagship, true, HttpStatusCode.OK)]
    [InlineData(Roles.Seller, Reseller, false, HttpStatusCode.NotFound)]
    [InlineData(Roles.Platform, "platform", false, HttpStatusCode.NotFound)]
    [InlineData(Roles.Buyer, Ana, false, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Arbitrator, "arb-lee", false, HttpStatusCode.Forbidden)]
    [InlineData(Roles.ServiceCenter, ServiceCenter, false, HttpStatusCode.NotFound)]
    public async Task WebhookDeliveries_AreForTheSubscriptionsOwner(string role, string party, bool owner, HttpStatusCode expected)
    {
        using var client = _world.Api.As(role, party);

        var deliveries = await client.GetAsync($"/api/v1/webhooks/subscriptions/{_world.Subscription}/deliveries");
        var subscribe = await client.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = "http://127.0.0.1:9/other" });
        var removal = owner ? null : await client.DeleteAsync($"/api/v1/webhooks/subscriptions/{_world.Subscription}");
        var rotation = owner ? null : await client.PostRawAsync($"/api/v1/webhooks/subscriptions/{_world.Subscription}/secret-rotation", "{}");

        deliveries.StatusCode.Should().Be(expected, owner ? "it is the caller's subscription" : "it is not");
        removal?.StatusCode.Should().Be(expected, "no one but its owner removes a subscription");
        rotation?.StatusCode.Should().Be(expected, "no one but its owner rotates its secret (the owner's rotation is in WebhookSubscriptionTests)");
        subscribe.StatusCode.Should().Be(role is Roles.Seller or Roles.Platform or Roles.ServiceCenter ? HttpStatusCode.Created : HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Roles.Buyer)]
    [InlineData(Roles.Seller)]
    [InlineData(Roles.Arbitrator)]
    [InlineData(Roles.ServiceCenter)]
    [InlineData(Roles.Platform)]
    public async Task AStoresPolicy_IsForEveryone_ToReadBeforeBuying(string role)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));

        var policy = await client.GetAsync($"/api/v1/stores/{Reseller}/policy?region=CN");

        policy.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.Buyer)]
    [InlineData(Roles.Seller)]
    [InlineData(Roles.Arbitrator)]
    [InlineData(Roles.ServiceCenter)]
    [InlineData(Roles.Platform)]
    public async Task TheTestClock_IsThePlatforms(string role)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));

        var read = await client.GetAsync("/api/v1/test-clock");
        var advance = role == Roles.Platform ? null : await client.PostJsonAsync("/api/v1/test-clock/advance", new { bySeconds = 60 }); // the platform's own is in TestClockTests

        read.StatusCode.Should().Be(role == Roles.Platform ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        advance?.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Roles.Platform)]
    public async Task ThePlatform_DoesNotActOnDisputes(string role)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));

        var response = await client.PostRawAsync($"/api/v1/disputes/{_world.Return}/approve", "{}", await EtagAsync(_world.Return));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    // The routes outside the dispute matrices, each with its test in this class.
    private static readonly string[] s_otherRoutes =
    [
        "GET /api/v1/disputes", "POST /api/v1/disputes", "POST /api/v1/disputes/{disputeId}/evidence-files",
        "POST /api/v1/attachments", "GET /api/v1/attachments/{fileId}",
        "GET /api/v1/orders/{orderId}", "POST /api/v1/orders", "GET /api/v1/orders/{orderId}/eligibility",
        "GET /api/v1/stores/{storeId}/scorecard", "GET /api/v1/arbitration/queue", "GET /api/v1/flows", "GET /api/v1/flows/{kind}", "GET /api/v1/labels",
        "GET /api/v1/webhooks/subscriptions", "POST /api/v1/webhooks/subscriptions", "DELETE /api/v1/webhooks/subscriptions/{subscriptionId}",
        "GET /api/v1/test-clock", "POST /api/v1/test-clock/advance", "GET /api/v1/events",
        "GET /api/v1/webhooks/subscriptions/{subscriptionId}/deliveries", "POST /api/v1/webhooks/deliveries/{deliveryId}/redeliver",
        "POST /api/v1/webhooks/subscriptions/{subscriptionId}/secret-rotation", "GET /api/v1/stores/{storeId}/policy",
        "GET /api/v1/marketplace", "POST /api/v1/marketplace/changes", "GET /api/v1/marketplace/changes", // MarketplaceTests.OnlyThePlatform_ManagesTheMarketplace
        "GET /api/v1/stores/{storeId}/reputation", // anyone's: ReputationTests
        "GET /api/v1/stores/{storeId}/penalties", "GET /api/v1/stores/{storeId}/assessments", "GET /api/v1/assessments", "GET /api/v1/assessments/current",
        "GET /api/v1/service-levels", // GovernanceTests
    ];

    [Fact]
    public async Task EveryDocumentedRoute_IsInTheMatrix()
    {
        using var client = _world.Api.As(Roles.Platform, "platform");
        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var covered = s_actions.Select(a => $"POST /api/v1/disputes/{{disputeId}}/{a.Route}")
            .Concat(ReadCases().Select(c => $"GET /api/v1/disputes/{{disputeId}}{c[0]}".Replace("{file}", "{fileId}", StringComparison.Ordinal)))
            .Concat(s_otherRoutes)
            .ToHashSet();

        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"));

        documented.Where(route => !covered.Contains(route)).Should().BeEmpty("a route added to the host must be added to this matrix");
    }

    [Theory]
    [InlineData(Roles.Buyer)]
    [InlineData(Roles.Seller)]
    [InlineData(Roles.Arbitrator)]
    [InlineData(Roles.ServiceCenter)]
    [InlineData(Roles.Platform)]
    public async Task TheEventFeed_ShowsACallerItsOwnCasesEvents_AndNoForeignOnes(string role)
    {
        var (mine, foreign) = _world.Disputes(role);
        using var client = _world.Api.As(role, _world.PartyOf(role));
        var seen = new List<string>();
        string? cursor = null;
        for (var page = (await (await client.GetAsync("/api/v1/events?limit=200")).ReadAsync<AfterSales.Disputes.Api.Endpoints.EventFeedResponse>())!;
            page.Events.Count > 0;
            page = (await (await client.GetAsync($"/api/v1/events?limit=200&after={cursor}")).ReadAsync<AfterSales.Disputes.Api.Endpoints.EventFeedResponse>())!)
        {
            seen.AddRange(page.Events.Select(e => e.DisputeId));
            cursor = page.Cursor;
        }

        seen.Should().Contain(mine);
        if (foreign is not null)
        {
            seen.Should().NotContain(foreign);
        }
    }

    [Theory]
    [InlineData(Roles.Buyer)]
    [InlineData(Roles.Seller)]
    [InlineData(Roles.Arbitrator)]
    [InlineData(Roles.ServiceCenter)]
    [InlineData(Roles.Platform)]
    public async Task DisputeLists_ShowACallerItsOwnDisputes_AndNoForeignOne(string role)
    {
        var (mine, foreign) = _world.Disputes(role);
        using var client = _world.Api.As(role, _world.PartyOf(role));

        var page = (await (await client.GetAsync("/api/v1/disputes?limit=200")).ReadAsync<Application.Ports.DisputePage>())!;

        page.Items.Select(d => d.Id).Should().Contain(mine);
        if (foreign is not null)
        {
            page.Items.Select(d => d.Id).Should().NotContain(foreign);
        }
    }

    [Theory]
    [InlineData(Roles.Buyer)]
    [InlineData(Roles.Seller)]
    [InlineData(Roles.Arbitrator)]
    [InlineData(Roles.ServiceCenter)]
    [InlineData(Roles.Platform)]
    public async Task FlowsAndLabels_AreDocumentationForEveryoneSignedIn_AndNotForStrangers(string role)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));
        using var anonymous = _world.Api.CreateClient();

        (await client.GetAsync("/api/v1/flows")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/flows/ReturnAndRefund")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/labels")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/api/v1/flows")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/labels")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(Roles.Seller, Flagship, HttpStatusCode.OK, true)]
    [InlineData(Roles.Seller, Reseller, HttpStatusCode.OK, false)]
    [InlineData(Roles.Platform, "platform", HttpStatusCode.OK, false)]
    [InlineData(Roles.Buyer, Ana, HttpStatusCode.Forbidden, false)]
    [InlineData(Roles.Arbitrator, "arb-lee", HttpStatusCode.Forbidden, false)]
    [InlineData(Roles.ServiceCenter, ServiceCenter, HttpStatusCode.OK, false)]
    public async Task WebhookSubscriptionLists_ShowAnOwnerItsOwn_AndAreForSellersServiceCentersAndThePlatform(string role, string party, HttpStatusCode expected, bool seesFlagships)
    {
        using var client = _world.Api.As(role, party);

        var response = await client.GetAsync("/api/v1/webhooks/subscriptions");

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.OK)
        {
            (await response.Content.ReadAsStringAsync()).Contains(_world.Subscription, StringComparison.Ordinal).Should().Be(seesFlagships);
        }
    }

    [Theory]
    [InlineData(Roles.Seller, HttpStatusCode.NotFound)]
    [InlineData(Roles.Platform, HttpStatusCode.NotFound)]
    [InlineData(Roles.Buyer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Arbitrator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.ServiceCenter, HttpStatusCode.NotFound)]
    public async Task Redelivery_IsForSubscribers_AndAnUnknownDeliveryIsNotFound(string role, HttpStatusCode expected)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));

        var response = await client.PostRawAsync("/api/v1/webhooks/deliveries/delivery-of-someone-else/redeliver", "{}");

        response.StatusCode.Should().Be(expected);
    }

    [Theory]
    [InlineData(Roles.Buyer, true)]
    [InlineData(Roles.Buyer, false)]
    [InlineData(Roles.Seller, true)]
    [InlineData(Roles.Seller, false)]
    [InlineData(Roles.Arbitrator, true)]
    [InlineData(Roles.Arbitrator, false)]
    [InlineData(Roles.ServiceCenter, true)]
    [InlineData(Roles.ServiceCenter, false)]
    [InlineData(Roles.Platform, true)]
    public async Task EvidenceUploads_AreForPartiesOfTheCase(string role, bool own)
    {
        var (mine, foreign) = _world.Disputes(role);
        using var client = _world.Api.As(role, _world.PartyOf(role));
        var file = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");

        var response = await client.PostAsync($"/api/v1/disputes/{(own ? mine : foreign)}/evidence-files", new MultipartFormDataContent { { file, "file", "a.jpg" } });

        Expect(response, allowed: role != Roles.Platform, own);
    }

    [Theory]
    [InlineData(Roles.Buyer)]
    [InlineData(Roles.Seller)]
    [InlineData(Roles.Arbitrator)]
    [InlineData(Roles.ServiceCenter)]
    [InlineData(Roles.Platform)]
    public async Task UploadsBeforeARequest_AreForBuyers_AndOnlyTheirUploaderReadsThem(string role)
    {
        using var client = _world.Api.As(role, _world.PartyOf(role));
        using var ana = _world.Api.As(Roles.Buyer, Ana);
        var anas = await (await ana.PostAsync("/api/v1/attachments", Jpeg())).ReadAsync<Application.Ports.EvidenceFile>();

        var upload = await client.PostAsync("/api/v1/attachments", Jpeg());
        var read = await client.GetAsync($"/api/v1/attachments/{anas!.Id}");

        upload.StatusCode.Should().Be(role == Roles.Buyer ? HttpStatusCode.Created : HttpStatusCode.Forbidden);
        read.StatusCode.Should().Be(role == Roles.Buyer && _world.PartyOf(role) == Ana ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            "only the buyer who uploaded a file reads it before a request names it");
    }

    private static MultipartFormDataContent Jpeg()
    {
        var file = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "file", "a.jpg" } };
    }

    private static void Expect(HttpResponseMessage response, bool allowed, bool own)
    {
        var status = response.StatusCode;
        if (!allowed)
        {
            status.Should().Be(HttpStatusCode.Forbidden, "this role may not call the route");
        }
        else if (!own)
        {
            status.Should().Be(HttpStatusCode.NotFound, "a foreign resource is never revealed");
        }
        else
        {
            status.Should().NotBe(HttpStatusCode.Unauthorized).And.NotBe(HttpStatusCode.Forbidden).And.NotBe(HttpStatusCode.NotFound);
            ((int)status).Should().BeLessThan(500);
        }
    }

    private async Task<string> EtagAsync(string disputeId)
    {
        using var platform = _world.Api.As(Roles.Platform, "platform");
        var response = await platform.GetAsync($"/api/v1/disputes/{disputeId}");
        return response.Headers.ETag?.Tag ?? throw new InvalidOperationException($"GET {disputeId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
