using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Marketplace;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Scorecards;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Application;

/// <summary>The periodic assessment of the stores: once per store and period across hosts, with its level's consequences.</summary>
public class StoreAssessmentTests
{
    private const string Careless = "store-careless";

    // Two requests count; a seller silent on one of two is warned, on both restricted. The after-sales rate (every
    // request here has its own order) is left out of the way.
    private static readonly GovernanceSetting s_governance = new(
        Assessment: new AssessmentRules { MinimumRequests = 2, AfterSalesRate = new(5, 10), TimeoutRate = new(0.4, 0.8) },
        Restricted: new RestrictedPolicy { SellerResponseHours = 12, SellerResponseAfterShipmentHours = 24 });

    /// <summary>
    /// A simulated March: the flagship answers both its requests within the hour, the reseller lets one of two wait out its
    /// window, the careless store both. Two hosts on the same database assess the month at once in April: one assessment
    /// per store and period, a level-change event for each store whose level changed, and the restricted store's next
    /// case opens under the stricter policy, frozen in the case.
    /// </summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AMonthAssessedByTwoHostsAtOnce_GivesOneAssessmentPerStore_AtEachLevel(string provider)
    {
        await using var first = await TestHost.StartAsync(provider);
        await Configure(first);
        await SimulateMarchAsync(first);
        await using var second = await TestHost.StartAsync(first.Database, now: first.Clock.GetUtcNow());
        await StartBackgroundAsync(second); // reads the stored governance, as the host would at start
        var april = new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.FromHours(8)).ToUniversalTime(); // half past midnight in Shanghai
        first.Clock.SetUtcNow(april);
        second.Clock.SetUtcNow(april);

        var stored = await Task.WhenAll(first.SendAsync(new AssessStores()), second.SendAsync(new AssessStores()));

        stored.Sum().Should().Be(3, "three stores had activity, and each is assessed once");
        var ranking = await first.SendAsync(new GetStoreRanking("2026-03"));
        ranking.Select(a => (a.StoreId, a.Level)).Should().Equal((Careless, StoreLevel.Restricted), (Reseller, StoreLevel.Warning), (Flagship, StoreLevel.Good));
        ranking[0].Reasons.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Figure = "timeoutRate", Value = 1.0, Limit = 0.8, Level = StoreLevel.Restricted });
        ranking[1].Reasons.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Figure = "timeoutRate", Value = 0.5, Limit = 0.4, Level = StoreLevel.Warning });
        ranking[2].Figures.Should().BeEquivalentTo(new { Requests = 2, Orders = 2, TimedOutRequests = 0, MedianResponse = TimeSpan.FromMinutes(30) });
        ranking[0].Figures.ActivePoints.Should().Be(2 * PenaltyRules.Default.ResponseDeadlineMissed);
        ranking.Should().AllSatisfy(a => a.Should().BeEquivalentTo(new { Period = "2026-03", RulesVersion = "g1", PreviousLevel = (StoreLevel?)null }));
        ranking[0].PeriodStart.Should().Be(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)), "periods follow the platform's time zone");

        var events = await first.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Type == "store.level-changed").ToListAsync());
        events.Select(e => (e.Id, e.StoreId)).Should().BeEquivalentTo(new[] { ($"store-{Careless}:2026-03", Careless), ($"store-{Reseller}:2026-03", Reseller) },
            "the flagship stays good; a level change is one event, whichever host made it");
        (await first.SendAsync(new AssessStores())).Should().Be(0, "the period is assessed");

        // The careless store's next case: its seller answers within the restricted 24 h, not the floor's 5 days.
        await first.SendAsync(new RegisterOrder(RouterOrder(Careless, "o-april") with { PlacedAt = april.AddDays(-3), ShippedAt = april.AddDays(-2), DeliveredAt = april.AddDays(-1) }));
        var opened = (await first.DoAsync(new OpenDispute("o-april", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), disputeId: "d-april")))).Dispute!;
        opened.Policy.Should().BeEquivalentTo(new { UnderRestriction = true });
        opened.Policy.Version.Should().EndWith("+restricted-g1");
        opened.Deadline!.Value.DueAt.Should().Be(april.AddHours(24));
        var reloaded = await second.WithStoreAsync(store => store.FindAsync("d-april", CancellationToken.None));
        reloaded!.Policy.Should().BeEquivalentTo(opened.Policy, "the stricter policy is frozen in the case");
        (await second.SendAsync(new GetStoreReputation(Careless))).Level.Should().Be(StoreLevel.Restricted);
    }

    /// <summary>No host ran through April: the first one back in May assesses March and April, each against the level before.</summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task PeriodsMissedWhileNoHostRan_AreAssessedWhenOneComesBack(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await Configure(host);
        await SimulateMarchAsync(host);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 3, 1, 0, 0, TimeSpan.Zero));

        (await host.SendAsync(new AssessStores())).Should().Be(6);

        var history = await host.SendAsync(new GetStoreAssessments(Careless));
        history.Select(a => (a.Period, a.Level, a.PreviousLevel)).Should().Equal(
            ("2026-04", StoreLevel.Good, StoreLevel.Restricted), ("2026-03", StoreLevel.Restricted, (StoreLevel?)null));
        history[0].Figures.Should().BeEquivalentTo(new { Requests = 0, ActivePoints = 2 * PenaltyRules.Default.ResponseDeadlineMissed },
            "a quiet month is good, and March's points still count at its end");
        (await host.SendAsync(new GetStoreRanking())).Should().OnlyContain(a => a.Period == "2026-04", "the ranking shows the latest period");
    }

    private static async Task Configure(TestHost host)
    {
        var result = await host.SendAsync(new ChangeMarketplace(new MarketplaceSettings(
            Stores: [new StoreSetting(Careless, StoreType.ThirdParty, Regions: ["CN"])], Governance: s_governance), "ops"));
        result.Problems.Should().BeEmpty();
    }

    // Two requests per store, opened on 7 March: the flagship answers each after 30 minutes, the reseller one of them.
    private static async Task SimulateMarchAsync(TestHost host)
    {
        foreach (var (store, answered) in new[] { (Flagship, 2), (Reseller, 1), (Careless, 0) })
        {
            for (var i = 1; i <= 2; i++)
            {
                var id = $"{store}-{i}";
                await host.SendAsync(new RegisterOrder(RouterOrder(store, $"o-{id}")));
                (await host.DoAsync(new OpenDispute($"o-{id}", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399), disputeId: id))))
                    .Dispute.Should().NotBeNull();
                if (i <= answered)
                {
                    host.Clock.Advance(TimeSpan.FromMinutes(30));
                    (await host.DoAsync(new TakeDisputeAction(id, Actor.Seller(store), DisputeAction.Approve))).Status.Should().Be(CommandStatus.Succeeded);
                }
            }
        }

        host.Clock.Advance(TimeSpan.FromDays(6));
        (await host.RunDeadlinesAsync()).Should().BeGreaterThanOrEqualTo(3, "the unanswered requests were approved on the sellers' silence");
    }

    private static async Task StartBackgroundAsync(TestHost host)
    {
        foreach (var service in host.Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }
}
