using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Marketplace;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using AfterSales.Disputes.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Application;

/// <summary>The marketplace's configuration in the database: every revision kept, shared by every host on it.</summary>
public class MarketplaceStoreTests
{
    private const string NewStore = "store-new";

    /// <summary>A store added through one host is used by another host on the same database within its refresh interval.</summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AChangeThroughOneHost_ReachesAnotherOnTheSameDatabase(string provider)
    {
        await using var first = await TestHost.StartAsync(provider);
        await using var second = await TestHost.StartAsync(first.Database, o => o.MarketplaceRefreshInterval = TimeSpan.FromMilliseconds(100));
        var background = second.Services.GetServices<IHostedService>().ToList();
        foreach (var service in background)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var catalog = second.Services.GetRequiredService<IPolicyCatalog>();
        catalog.ForStore(NewStore, "CN").Should().BeNull();

        var result = await first.SendAsync(new ChangeMarketplace(new MarketplaceSettings(Stores: [new StoreSetting(NewStore, StoreType.ThirdParty, NoReasonReturnDays: 9, Regions: ["CN"])]), "ops"));

        result.Succeeded.Should().BeTrue();
        first.Services.GetRequiredService<IPolicyCatalog>().ForStore(NewStore, "CN")!.NoReasonReturnDays.Should().Be(9, "the host that made the change uses it at once");
        var seen = await EventuallyAsync(() => catalog.ForStore(NewStore, "CN"));
        seen.NoReasonReturnDays.Should().Be(9);
        seen.Version.Should().EndWith($"{NewStore}-v1");
        catalog.ForStore(NewStore, "DE").Should().BeNull("the store sells in China only (its 9 days are below the EU's 14)");
        foreach (var service in background)
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Two writers of the same revision: the second is told it conflicts, and nothing of its change is stored.</summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TwoWritersOfOneRevision_TheSecondConflicts(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        var revision = new StoreSetting(NewStore, StoreType.ThirdParty, Revision: 1);
        var warranty = new WarrantySetting("Acme", new Dictionary<string, int>(), 12, "sc-acme", Revision: 1);
        await WithStoreAsync(host, store => store.SaveAsync([revision], DateTimeOffset.UtcNow, "first", CancellationToken.None));

        var second = () => WithStoreAsync(host, store => store.SaveAsync([warranty, revision with { NoReasonReturnDays = 30 }], DateTimeOffset.UtcNow, "second", CancellationToken.None));

        (await second.Should().ThrowAsync<MarketplaceConflictException>()).Which.Settings.Should().Contain($"store {NewStore}");
        var stored = await WithStoreAsync(host, store => store.LoadAsync(CancellationToken.None));
        stored.Revisions.Should().Be(1);
        stored.Settings.Stores.Should().ContainSingle().Which.Should().Be(revision);
        stored.Settings.Warranties.Should().BeEmpty();
    }

    /// <summary>A case opened under a stored store policy keeps it when the store changes; the next case gets the change.</summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AnOpenCase_KeepsItsFrozenPolicy_WhenTheStoreChanges(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new ChangeMarketplace(new MarketplaceSettings(Stores: [new StoreSetting(NewStore, StoreType.ThirdParty, NoReasonReturnDays: 10, Regions: ["CN"])]), "ops"));
        await host.SendAsync(new RegisterOrder(RouterOrder(NewStore, "order-1")));
        await host.SendAsync(new RegisterOrder(RouterOrder(NewStore, "order-2")));
        var first = (await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))))).Dispute!;

        (await host.SendAsync(new ChangeMarketplace(new MarketplaceSettings(Stores: [new StoreSetting(NewStore, StoreType.ThirdParty, NoReasonReturnDays: 30, Regions: ["CN"])]), "ops")))
            .Changes.Should().ContainSingle(c => c.Revision == 2);
        var second = (await host.DoAsync(new OpenDispute("order-2", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), disputeId: "dispute-2")))).Dispute!;

        var reloaded = await host.WithStoreAsync(store => store.FindAsync(first.Id, CancellationToken.None));
        reloaded!.Policy.Should().BeEquivalentTo(first.Policy, "an open case keeps the policy it froze");
        reloaded.Policy.NoReasonReturnDays.Should().Be(10);
        reloaded.Policy.Version.Should().EndWith($"{NewStore}-v1");
        second.Policy.NoReasonReturnDays.Should().Be(30);
        second.Policy.Version.Should().EndWith($"{NewStore}-v2");
    }

    /// <summary>A host disposed before it is stopped (as WebApplicationFactory may do) stops its refresher quietly.</summary>
    [Fact]
    public async Task TheRefresher_StopsQuietly_WhenTheHostWasDisposedFirst()
    {
        var host = await TestHost.StartAsync("sqlite");
        var background = host.Services.GetServices<IHostedService>().ToList();
        foreach (var service in background)
        {
            await service.StartAsync(CancellationToken.None);
        }

        await host.DisposeAsync();

        foreach (var service in background)
        {
            await service.Invoking(s => s.StopAsync(CancellationToken.None)).Should().NotThrowAsync();
        }
    }

    private static async Task<T> WithStoreAsync<T>(TestHost host, Func<IMarketplaceStore, Task<T>> use)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IMarketplaceStore>());
    }

    private static async Task WithStoreAsync(TestHost host, Func<IMarketplaceStore, Task> use) =>
        await WithStoreAsync(host, async store =>
        {
            await use(store);
            return true;
        });

    private static async Task<T> EventuallyAsync<T>(Func<T?> read)
        where T : class
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (read() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The second host did not see the change within ten seconds.");
    }
}
