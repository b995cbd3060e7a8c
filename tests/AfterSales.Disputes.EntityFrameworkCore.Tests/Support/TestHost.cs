using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Deadlines;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Outbox;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Webhooks;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Support;

/// <summary>
/// The engine as a platform embeds it — <c>AddAfterSalesDisputes(o => o.UseSqlite(…))</c> — on a throwaway
/// database, with a fake clock and a fake refund gateway (the two ports the platform implements). The
/// workers do not run on their own: tests run their rounds, so every step is deterministic.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestHost(TestDatabase database, ServiceProvider services, FakeTimeProvider clock, FakeRefundGateway gateway)
    {
        Database = database;
        _services = services;
        Clock = clock;
        Gateway = gateway;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public FakeRefundGateway Gateway { get; }

    /// <summary>The payment service the host charges repair fees through.</summary>
    public FakePaymentGateway Payments => _services.GetRequiredService<FakePaymentGateway>();

    public IServiceProvider Services => _services;

    public static async Task<TestHost> StartAsync(string provider, Action<AfterSalesOptions>? options = null, DateTimeOffset? now = null)
    {
        var database = TestDatabase.Create(provider);
        var host = await StartAsync(database, options, now);
        await host.Services.MigrateAfterSalesDatabaseAsync();
        return host;
    }

    /// <summary>A second host on the same database, as another process would be (the caller migrated it).</summary>
    public static Task<TestHost> StartAsync(TestDatabase database, Action<AfterSalesOptions>? options = null, DateTimeOffset? now = null)
    {
        var clock = new FakeTimeProvider(now ?? Marketplace.Delivered.AddDays(2));
        var gateway = new FakeRefundGateway();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAfterSalesDisputes(o =>
        {
            database.Configure(o);
            o.ObserveCommittedEvents<Application.CommittedEventsObserver>();
            o.Options.RunWorkers = false;
            o.Options.WebhookLoopbackAllowed = true; // the tests' receivers listen on loopback
            options?.Invoke(o.Options);
            o.Policies
                .AddRegion(Policies.JurisdictionPacks.China, Marketplace.China)
                .AddRegion(Policies.JurisdictionPacks.EuropeanUnion, Marketplace.Germany)
                .AddStore(Marketplace.FlagshipPolicy)
                .AddStore(Marketplace.ResellerPolicy)
                .AddStore(Marketplace.GermanPolicy)
                .AddWarranty(Marketplace.RouterWarranty);
        });
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        services.AddSingleton<Application.CommittedEvents>();
        services.Replace(ServiceDescriptor.Singleton<IRefundGateway>(gateway));
        services.AddSingleton<FakePaymentGateway>();
        services.Replace(ServiceDescriptor.Singleton<IPaymentGateway>(provider => provider.GetRequiredService<FakePaymentGateway>()));
        return Task.FromResult(new TestHost(database, services.BuildServiceProvider(validateScopes: true), clock, gateway));
    }

    /// <summary>Sends a request in its own scope, as one API call would.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Sends a dispute command and fails the test unless it succeeded.</summary>
    public async Task<DisputeCommandResult> DoAsync(IRequest<DisputeCommandResult> command)
    {
        var result = await SendAsync(command);
        return result.Status == CommandStatus.Succeeded
            ? result
            : throw new InvalidOperationException($"{command.GetType().Name} ended {result.Status}: {result.Refusal?.Message}");
    }

    public Task<int> RunDeadlinesAsync() => _services.GetRequiredService<DeadlineRunner>().RunOnceAsync(CancellationToken.None);

    public Task<int> RunOutboxAsync() => _services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);

    public Task<int> RunWebhooksAsync() => _services.GetRequiredService<WebhookDeliverer>().RunOnceAsync(CancellationToken.None);

    /// <summary>Runs <paramref name="read"/> against the store's database directly.</summary>
    public async Task<T> QueryAsync<T>(Func<AfterSalesDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>());
    }

    /// <summary>Runs <paramref name="use"/> with a store of its own scope.</summary>
    public async Task<T> WithStoreAsync<T>(Func<IDisputeStore, Task<T>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IDisputeStore>());
    }

    /// <summary>Runs <paramref name="use"/> with an evidence store of its own scope.</summary>
    public async Task<T> WithEvidenceAsync<T>(Func<IEvidenceStore, Task<T>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IEvidenceStore>());
    }

    /// <summary>Records an upload as the host records one, and returns its id.</summary>
    public async Task<string> UploadAsync(Party by, string partyId, string contentType = "image/jpeg", string? disputeId = null, DateTimeOffset? at = null)
    {
        var id = $"ev_{Guid.NewGuid():N}"[..27];
        await WithEvidenceAsync(async store =>
        {
            await store.AddAsync(new EvidenceFile(id, disputeId, by, partyId, "upload", contentType, 1234, new string('a', 62) + id[^2..], at ?? Clock.GetUtcNow()),
                CancellationToken.None);
            return id;
        });
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
