using System.Net;
using System.Net.Http.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Endpoints;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Marketplace;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>
/// A marketplace configured over the API, as data: regions with their jurisdiction pack, calendars with make-up working
/// days, store policies and brand warranties, versioned and checked against the platform floor.
/// </summary>
public class MarketplaceTests : IClassFixture<MarketplaceTests.EmptyMarketplace>
{
    private const string Store = "store-harbour-tech";
    private static readonly TimeZoneInfo s_shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly ApiFactory _api;

    public MarketplaceTests(EmptyMarketplace api) => _api = api;

    /// <summary>A host whose database holds no marketplace at all: nothing is seeded.</summary>
    public sealed class EmptyMarketplace : IDisposable
    {
        public ApiFactory Api { get; } = new() { Settings = [("AfterSales:Marketplace:SeedFile", "")] };

        public void Dispose() => Api.Dispose();

        public static implicit operator ApiFactory(EmptyMarketplace empty) => empty.Api;
    }

    /// <summary>
    /// The acceptance journey: a new marketplace (a region on the China pack, a calendar whose Saturday is a make-up
    /// working day, a store and a brand's warranty) is configured over the API; a repair request opened on Friday
    /// morning gets a two-business-day review that counts the Saturday, and keeps its frozen policy when the store changes.
    /// </summary>
    [Fact]
    public async Task ANewMarketplace_ConfiguredOverTheApi_FreezesItsPolicy_AndCountsTheMakeUpWorkingDay()
    {
        using var platform = _api.As(Roles.Platform, "platform-ops");
        var friday = await MoveTheClockToNextFridayMorningAsync(platform);
        var saturday = DateOnly.FromDateTime(friday.DateTime).AddDays(1);

        var configured = await platform.PostJsonAsync("/api/v1/marketplace/changes", new MarketplaceSettings(
            Regions: [new RegionSetting("CN", "China", "Asia/Shanghai")],
            Calendars: [new CalendarSetting("CN", saturday.Year, Holidays: [], MakeUpWorkingDays: [saturday])],
            Stores: [new StoreSetting(Store, StoreType.ThirdParty, NoReasonReturnDays: 10)],
            Warranties: [new WarrantySetting("Harbour", new Dictionary<string, int> { ["CN"] = 18 }, DefaultMonths: 12, ServiceCenterId: "sc-harbour",
                ProofOfPurchaseRequired: false, ExtendedWarrantyOptions: [24, 12])]));

        configured.StatusCode.Should().Be(HttpStatusCode.OK, await configured.Content.ReadAsStringAsync());
        var changes = (await configured.ReadAsync<MarketplaceChanges>())!;
        changes.Changes.Should().OnlyContain(c => c.Revision == 1 && c.ChangedBy == "platform-ops")
            .And.Contain(c => c.Kind == MarketplaceSettingKind.Store && c.Key == Store)
            .And.Contain(c => c.Kind == MarketplaceSettingKind.Warranty && c.Key == "Harbour")
            .And.Contain(c => c.Kind == MarketplaceSettingKind.Calendar && c.Key == $"CN/{saturday.Year}");

        await World.RegisterAsync(_api, Order("o-harbour-1"));
        using var buyer = _api.As(Roles.Buyer, World.Ana);
        var repair = await World.OpenAsync(buyer, new OpenDisputeBody("o-harbour-1", "line-1", RequestKind.Repair, RequestReason.Defective, "No picture",
            Repair: new RepairApplication("H-55", "SN-H1", "no-picture", "No picture after a week", null, [])));

        var expected = new DateTimeOffset(saturday.AddDays(2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)); // Monday 10:00, not Tuesday
        repair.Deadline!.DueAt.Should().BeCloseTo(expected, TimeSpan.FromMinutes(1), "two business days from Friday 10:00 are the make-up Saturday and Monday");
        var frozen = (await (await buyer.GetAsync($"/api/v1/disputes/{repair.Id}/policy")).ReadAsync<FrozenPolicyResponse>())!;
        frozen.Version.Should().Be($"floor-1+cn-2025.1+Harbour-w1+{Store}-v1");
        frozen.Terms.Should().Contain(t => t.Name == "No-reason return" && t.Value.StartsWith("10 days", StringComparison.Ordinal));
        frozen.Terms.Should().Contain(t => t.Name == "Brand warranty" && t.Value.Contains("18 months", StringComparison.Ordinal)
            && t.Value.EndsWith("extended by 12 or 24 months on sale", StringComparison.Ordinal));

        var changed = await platform.PostJsonAsync("/api/v1/marketplace/changes", new MarketplaceSettings(
            Stores: [new StoreSetting(Store, StoreType.ThirdParty, NoReasonReturnDays: 20)]));

        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await changed.ReadAsync<MarketplaceChanges>())!.Changes.Should().ContainSingle(c => c.Key == Store && c.Revision == 2);
        var now = (await (await buyer.GetAsync($"/api/v1/stores/{Store}/policy?region=CN")).ReadAsync<FrozenPolicyResponse>())!;
        now.Version.Should().EndWith($"{Store}-v2");
        now.Terms.Should().Contain(t => t.Name == "No-reason return" && t.Value.StartsWith("20 days", StringComparison.Ordinal));
        var stillFrozen = (await (await buyer.GetAsync($"/api/v1/disputes/{repair.Id}/policy")).ReadAsync<FrozenPolicyResponse>())!;
        stillFrozen.Should().BeEquivalentTo(frozen, "an open case keeps the policy it froze");
    }

    /// <summary>A store below the floor is refused with every rule it breaks, and nothing of the change is stored.</summary>
    [Fact]
    public async Task AStoreBelowTheFloor_IsRefused_NamingEachRule_AndNothingIsStored()
    {
        using var platform = _api.As(Roles.Platform, "platform-ops");
        await EnsureRegionAsync(platform);
        var before = await platform.GetStringAsync("/api/v1/marketplace/changes");

        var refused = await platform.PostJsonAsync("/api/v1/marketplace/changes", new MarketplaceSettings(
            Stores: [new StoreSetting("store-stingy", StoreType.ThirdParty, NoReasonReturnDays: 3, SellerResponseHours: 200, ReturnShipmentDays: 1)],
            Warranties: [new WarrantySetting("Stingy", new Dictionary<string, int>(), DefaultMonths: 6, ServiceCenterId: "sc-stingy")]));

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = (await refused.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        problem.Type.Should().Be("/problems/marketplace-rules");
        problem.Errors.Should().ContainKey("stores/store-stingy").WhoseValue.Should().SatisfyRespectively(
            rule => rule.Should().Contain("Rule 'no-reason return window'").And.Contain("3 days").And.Contain("7 days"),
            rule => rule.Should().Contain("Rule 'seller response time'").And.Contain("200 h"),
            rule => rule.Should().Contain("Rule 'return shipment window'").And.Contain("1 days"));
        (await platform.GetStringAsync("/api/v1/marketplace/changes")).Should().Be(before, "nothing of the change was stored, the warranty in it neither");
        (await platform.GetAsync("/api/v1/stores/store-stingy/policy?region=CN")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>Calendars follow their region's week, and a pack or time zone must exist.</summary>
    [Fact]
    public async Task RegionsAndCalendars_AreChecked_NamingEachRule()
    {
        using var platform = _api.As(Roles.Platform, "platform-ops");
        var refused = await platform.PostJsonAsync("/api/v1/marketplace/changes", new MarketplaceSettings(
            Regions: [new RegionSetting("XX", "Atlantis", "Mars/Olympus")],
            Calendars: [new CalendarSetting("YY", 2027, [], []),
                new CalendarSetting("XX", 2027, Holidays: [new DateOnly(2027, 5, 3), new DateOnly(2028, 1, 1)], MakeUpWorkingDays: [new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 4)])]));

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = (await refused.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors;
        errors["regions/XX"].Should().Contain(e => e.Contains("Rule 'jurisdiction pack'") && e.Contains("China, EU"))
            .And.Contain(e => e.Contains("Rule 'time zone'"));
        errors["calendars/YY/2027"].Should().ContainSingle(e => e.Contains("Rule 'calendar region'"));
        errors["calendars/XX/2027"].Should().Contain(e => e.Contains("Rule 'calendar year'") && e.Contains("2028-01-01"))
            .And.Contain(e => e.Contains("Rule 'holiday or working day'") && e.Contains("2027-05-03"))
            .And.Contain(e => e.Contains("Rule 'make-up working day'") && e.Contains("2027-05-04"));
    }

    /// <summary>
    /// Each setting is versioned: the marketplace reads back with revisions, an entry saying what is stored is no new
    /// revision, an entry read at an older revision is a conflict, and the history says who changed what.
    /// </summary>
    [Fact]
    public async Task Settings_AreVersioned_WithConflictsAndHistory()
    {
        using var platform = _api.As(Roles.Platform, "platform-ops");
        await EnsureRegionAsync(platform);
        var first = await platform.PostJsonAsync("/api/v1/marketplace/changes", new MarketplaceSettings(Stores: [new StoreSetting("store-versioned", StoreType.AuthorisedReseller)]));
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());

        var read = (await (await platform.GetAsync("/api/v1/marketplace")).ReadAsync<MarketplaceSettings>())!;
        var stored = read.Stores!.Single(s => s.StoreId == "store-versioned");
        stored.Revision.Should().Be(1);
        var again = (await (await platform.PostJsonAsync("/api/v1/marketplace/changes", new MarketplaceSettings(Stores: [stored]))).ReadAsync<MarketplaceChanges>())!;
        again.Should().BeEquivalentTo(new MarketplaceChanges([], Unchanged: 1));

        using var colleague = _api.As(Roles.Platform, "platform-colleague");
        (await colleague.PostJsonAsync("/api/v1/marketplace/changes", new MarketplaceSettings(Stores: [stored with { NoReasonReturnDays = 30 }])))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var stale = await platform.PostJsonAsync("/api/v1/marketplace/changes", new MarketplaceSettings(Stores: [stored with { NoReasonReturnDays = 9 }]));

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("store store-versioned");
        var history = (await (await platform.GetAsync("/api/v1/marketplace/changes?limit=5")).ReadAsync<List<MarketplaceChange>>())!;
        history[0].Should().BeEquivalentTo(new { Kind = MarketplaceSettingKind.Store, Key = "store-versioned", Revision = 2, ChangedBy = "platform-colleague" });
        history.Should().Contain(c => c.Key == "store-versioned" && c.Revision == 1 && c.ChangedBy == "platform-ops");
        (await (await platform.GetAsync($"/api/v1/stores/store-versioned/policy?region=CN")).ReadAsync<FrozenPolicyResponse>())!
            .Terms.Should().Contain(t => t.Name == "No-reason return" && t.Value.StartsWith("30 days", StringComparison.Ordinal));
    }

    /// <summary>Only the platform reads or changes the marketplace; anyone else gets 403 and changes nothing.</summary>
    [Theory]
    [InlineData(Roles.Buyer)]
    [InlineData(Roles.Seller)]
    [InlineData(Roles.Arbitrator)]
    [InlineData(Roles.ServiceCenter)]
    public async Task OnlyThePlatform_ManagesTheMarketplace(string role)
    {
        using var client = _api.As(role, "someone");

        var change = await client.PostJsonAsync("/api/v1/marketplace/changes", new MarketplaceSettings(Stores: [new StoreSetting("someone", StoreType.ThirdParty)]));
        var read = await client.GetAsync("/api/v1/marketplace");
        var history = await client.GetAsync("/api/v1/marketplace/changes");

        change.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await change.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be($"A {role} may not call POST /api/v1/marketplace/changes: it is for platforms.");
        read.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        history.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var platform = _api.As(Roles.Platform, "platform-ops");
        (await platform.GetAsync("/api/v1/stores/someone/policy?region=CN")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task EnsureRegionAsync(HttpClient platform) =>
        (await platform.PostJsonAsync("/api/v1/marketplace/changes", new MarketplaceSettings(Regions: [new RegionSetting("CN", "China", "Asia/Shanghai")])))
            .StatusCode.Should().Be(HttpStatusCode.OK);

    // The test clock only moves forward: to the next Friday 10:00 in Shanghai at least an hour away.
    private static async Task<DateTimeOffset> MoveTheClockToNextFridayMorningAsync(HttpClient platform)
    {
        var now = (await (await platform.GetAsync("/api/v1/test-clock")).ReadAsync<TestClockState>())!.Now;
        var local = TimeZoneInfo.ConvertTime(now, s_shanghai).AddHours(1);
        var day = DateOnly.FromDateTime(local.DateTime);
        var friday = Enumerable.Range(0, 8).Select(day.AddDays)
            .Select(d => new DateTimeOffset(d.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)))
            .First(candidate => candidate.DayOfWeek == DayOfWeek.Friday && candidate > local);
        var moved = await platform.PostJsonAsync("/api/v1/test-clock/advance", new AdvanceTestClock(To: friday));
        moved.StatusCode.Should().Be(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        return friday;
    }

    private static Order Order(string orderId)
    {
        var delivered = DateTimeOffset.UtcNow.AddDays(-20);
        return new Order(orderId, World.Ana, Store, "CN", Currency.CNY,
            [new OrderLine("line-1", "H-55", "Harbour 55\" television", ItemCategory.Electronics, World.Yuan(2999), 1, World.Yuan(2999), "SN-H1", "Harbour")],
            Amount.Zero(Currency.CNY), delivered.AddDays(-3), delivered.AddDays(-2), delivered);
    }
}
