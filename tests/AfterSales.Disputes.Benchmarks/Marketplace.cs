using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>The engine on a SQLite file, as a platform embeds it, with disputes waiting for their store.</summary>
internal sealed class Marketplace : IAsyncDisposable
{
    public const string Store = "store-bench";
    public const string Buyer = "buyer-bench";

    // Each dispute's version as this process last wrote it; one writer per dispute, so no one else moves it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _versions = new();

    private Marketplace(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    /// <summary>The engine on the SQLite <paramref name="file"/>, migrated; its clock runs <paramref name="ahead"/> of the real one (behind when negative).</summary>
    public static Task<Marketplace> OpenAsync(string file, TimeSpan ahead = default) => OpenAsync(o => o.UseSqlite($"Data Source={file}"), ahead);

    /// <summary>The engine on a PostgreSQL database, migrated; its clock runs <paramref name="ahead"/> of the real one.</summary>
    public static Task<Marketplace> OpenPostgresAsync(string connectionString, TimeSpan ahead = default) => OpenAsync(o => o.UsePostgres(connectionString), ahead);

    private static async Task<Marketplace> OpenAsync(Action<AfterSalesBuilder> useDatabase, TimeSpan ahead)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAfterSalesDisputes(o =>
        {
            useDatabase(o);
            o.Options.RunWorkers = false; // no background rounds competing with the measurement
            o.Options.WebhookLoopbackAllowed = true; // the drills' receivers listen on loopback
            o.Policies
                .AddRegion(JurisdictionPacks.China, new BusinessCalendar("CN", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")))
                .AddStore(new StorePolicy(Store, "v1", StoreType.OfficialFlagship));
        });
        if (ahead != TimeSpan.Zero)
        {
            services.AddSingleton<TimeProvider>(new AheadClock(ahead)); // registered after the engine's, so it wins
        }

        var marketplace = new Marketplace(services.BuildServiceProvider());
        await marketplace.Services.MigrateAfterSalesDatabaseAsync();
        return marketplace;
    }

    /// <summary>Migrates <paramref name="file"/> and opens <paramref name="disputes"/> return requests, one per order.</summary>
    public static async Task<(Marketplace Marketplace, IReadOnlyList<string> DisputeIds)> SeedAsync(string file, int disputes)
    {
        var marketplace = await OpenAsync(file);
        return (marketplace, await marketplace.SeedAsync(disputes));
    }

    /// <summary>Opens <paramref name="disputes"/> return requests, one per order; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(int disputes)
    {
        var ids = new List<string>();
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var i = 0; i < disputes; i++)
        {
            var price = Amount.FromMajor(399, Currency.CNY);
            var order = new Order($"order-{i}", Buyer, Store, "CN", Currency.CNY,
                [new OrderLine("line-1", "SKU-1", "Router", ItemCategory.Electronics, price, 1, price)],
                Amount.FromMajor(10, Currency.CNY), now.AddDays(-4), now.AddDays(-3), now.AddDays(-1));
            await SendAsync(new RegisterOrder(order));
            var opened = await SendAsync(new OpenDispute(order.OrderId, new OpenDisputeRequest($"dsp-{i}", Buyer, "line-1",
                RequestKind.ReturnAndRefund, RequestReason.Defective, "Reboots", price)));
            ids.Add(opened.Dispute?.Id ?? throw new InvalidOperationException($"Seeding failed: {opened.Status} {opened.Refusal?.Message}"));
        }

        return ids;
    }

    /// <summary>A message from the store on a waiting dispute: a transition that stays in its step, so it can repeat.</summary>
    public async Task MessageAsync(string disputeId)
    {
        if (!_versions.TryGetValue(disputeId, out var version))
        {
            version = (await SendAsync(new GetDispute(disputeId)))!.Version;
        }

        var result = await SendAsync(new TakeDisputeAction(disputeId, Actor.Seller(Store), DisputeAction.SendMessage, new MessageText("We are looking into it")) { ExpectedVersion = version });
        _versions[disputeId] = result.Status == CommandStatus.Succeeded
            ? result.Dispute!.Version
            : throw new InvalidOperationException($"{disputeId}: {result.Status} {result.Refusal?.Message}");
    }

    /// <summary>Sends a request in its own scope, as each HTTP request or job does.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

/// <summary>The real clock moved forward, so that deadlines set now are already due (or back, so that deadlines set then are due now).</summary>
internal sealed class AheadClock(TimeSpan ahead) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
}
