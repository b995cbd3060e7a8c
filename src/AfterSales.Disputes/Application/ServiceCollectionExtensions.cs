using AfterSales.Disputes.Application.Deadlines;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Marketplace;
using AfterSales.Disputes.Application.Outbox;
using AfterSales.Disputes.Application.Policies;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Telemetry;
using AfterSales.Disputes.Application.Webhooks;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AfterSales.Disputes.Application;

/// <summary>What <see cref="ServiceCollectionExtensions.AddAfterSalesDisputes"/> configures.</summary>
public sealed class AfterSalesBuilder
{
    internal AfterSalesBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for store packages to add themselves (<c>UseSqlite</c>, <c>UsePostgres</c>).</summary>
    public IServiceCollection Services { get; }

    /// <summary>Worker and webhook options.</summary>
    public AfterSalesOptions Options { get; } = new();

    /// <summary>The policies: floor, regions, stores and warranties.</summary>
    public PolicyCatalog Policies { get; } = new();

    /// <summary>
    /// Lets <typeparamref name="TObserver"/> (scoped) react to every commit of a dispute's events, in process;
    /// call it once per observer.
    /// </summary>
    public AfterSalesBuilder ObserveCommittedEvents<TObserver>()
        where TObserver : class, IDisputeEventsObserver
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IDisputeEventsObserver, TObserver>());
        return this;
    }

    /// <summary>Uses <typeparamref name="TGateway"/> to pay refunds.</summary>
    public AfterSalesBuilder UseRefundGateway<TGateway>()
        where TGateway : class, IRefundGateway
    {
        Services.Replace(ServiceDescriptor.Scoped<IRefundGateway, TGateway>());
        return this;
    }

    /// <summary>Uses <typeparamref name="TGateway"/> to charge the buyer accepted repair fees.</summary>
    public AfterSalesBuilder UsePaymentGateway<TGateway>()
        where TGateway : class, IPaymentGateway
    {
        Services.Replace(ServiceDescriptor.Scoped<IPaymentGateway, TGateway>());
        return this;
    }
}

/// <summary>Registers the engine in an embedding application's services.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine: MediatR with every request handler of the library, validation and
    /// logging behaviours, the policy catalog, the deadline, outbox and webhook workers, and what
    /// <paramref name="configure"/> adds, such as <c>o => o.UseSqlite(connectionString)</c>.
    /// </summary>
    public static IServiceCollection AddAfterSalesDisputes(this IServiceCollection services, Action<AfterSalesBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new AfterSalesBuilder(services);
        configure(builder);
        if (builder.Options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException("The engine's options cannot run: " + string.Join(" ", problems), nameof(configure));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(builder.Options);
        services.AddSingleton(builder.Policies);
        services.AddSingleton<IPolicyCatalog>(builder.Policies);
        services.AddMediatRHandlers(typeof(ServiceCollectionExtensions).Assembly);
        services.AddTransient<CommittedEventsPublisher>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));

        // On the host's meter factory when it has one (a generic host does), so its metrics pipeline sees the meter.
        services.TryAddSingleton(provider => new DisputeTelemetry(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddHostedService<MarketplaceRefresher>(); // before the workers: they open cases under the stored policies too
        services.AddSingleton<DeadlineRunner>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<WebhookDeliverer>();
        // Deliveries connect only where WebhookTargets allows, whatever the subscribed name resolves to at the time.
        services.AddHttpClient(WebhookDeliverer.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookTargets.Handler(provider.GetRequiredService<AfterSalesOptions>().WebhookLoopbackAllowed));
        if (builder.Options.RunWorkers)
        {
            services.AddHostedService<AfterSalesWorker>();
            services.AddHostedService<Scorecards.StoreAssessor>();
        }

        return services;
    }

    /// <summary>
    /// Registers MediatR 5 by hand: the mediator, its service factory,
    /// and every concrete request handler in <paramref name="assembly"/>. The shared
    /// <see cref="DisputeCommandHandler{TCommand}"/> is closed over each concrete <see cref="DisputeCommand"/>.
    /// </summary>
    internal static IServiceCollection AddMediatRHandlers(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assembly);
        services.TryAddScoped<ServiceFactory>(provider => provider.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false, IsClass: true }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddTransient(contract, type);
            }

            if (type.IsSubclassOf(typeof(DisputeCommand)))
            {
                services.AddTransient(typeof(IRequestHandler<,>).MakeGenericType(type, typeof(DisputeCommandResult)),
                    typeof(DisputeCommandHandler<>).MakeGenericType(type));
            }
        }

        return services;
    }
}
