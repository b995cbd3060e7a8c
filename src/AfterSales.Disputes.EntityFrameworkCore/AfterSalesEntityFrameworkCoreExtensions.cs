using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.EntityFrameworkCore.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AfterSales.Disputes.EntityFrameworkCore;

/// <summary>
/// Stores the engine's data with EF Core. Choose a database with <c>UseSqlite</c> (package
/// AfterSales.Disputes.EntityFrameworkCore.Sqlite) or <c>UsePostgres</c> (AfterSales.Disputes.EntityFrameworkCore.PostgreSql).
/// </summary>
public static class AfterSalesEntityFrameworkCoreExtensions
{
    // The migrations written by hand before the EF migrations existed. A database they created has exactly
    // the schema of the first EF migration (the migration tests prove both equal the model), so it adopts it.
    private static readonly string[] s_handWrittenMigrations = ["20261122000000_Initial", "20261122010000_IdempotencyAndEvidence"];

    /// <summary>
    /// Applies the migrations the database lacks (creating a SQLite file's folder and switching it to WAL),
    /// so that a host can call it at start. A database created by the hand-written migrations (before the EF ones existed) first
    /// records the first EF migration as applied, since it already has that schema.
    /// </summary>
    public static async Task MigrateAfterSalesDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
            await db.BeforeMigratingAsync(cancellationToken).ConfigureAwait(false);
            await AdoptHandWrittenSchemaAsync(db, cancellationToken).ConfigureAwait(false);
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await db.AfterMigratingAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Registers the store of every port over <typeparamref name="TContext"/>; called by each provider's <c>Use…</c>.</summary>
    internal static AfterSalesBuilder AddStore<TContext>(this AfterSalesBuilder builder, Action<DbContextOptionsBuilder> configure, Func<WriteGate> gate)
        where TContext : AfterSalesDbContext
    {
        var services = builder.Services;
        services.AddDbContextPool<TContext>(configure);
        services.AddScoped<AfterSalesDbContext>(provider => provider.GetRequiredService<TContext>());
        services.AddSingleton(_ => gate());
        services.AddSingleton<TimelineCache>();
        services.AddSingleton<StoreQueries>();
        services.AddScoped<StoreTransactions>();
        services.AddScoped<IDisputeStore, EfDisputeStore>();
        services.AddScoped<IOrderStore, EfOrderStore>();
        services.AddScoped<IDeadlineQueue, EfDeadlineQueue>();
        services.AddScoped<IOutboxStore, EfOutboxStore>();
        services.AddScoped<IWebhookStore, EfWebhookStore>();
        services.AddScoped<IScorecardReader, EfScorecardReader>();
        services.AddScoped<IStoreAssessmentStore, EfStoreAssessmentStore>();
        services.AddScoped<IServiceLevelReader, EfServiceLevelReader>();
        services.AddScoped<IEventFeed, EfEventFeed>();
        services.AddScoped<IIdempotencyStore, EfIdempotencyStore>();
        services.AddScoped<IEvidenceStore, EfEvidenceStore>();
        services.AddScoped<IMarketplaceStore, EfMarketplaceStore>();
        services.TryAddScoped<IEvidenceContent, EfEvidenceContent>(); // a host may keep the bytes elsewhere (registered first)
        return builder;
    }

    private static async Task AdoptHandWrittenSchemaAsync(AfterSalesDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).Select(m => m.MigrationId).ToList();
        if (!applied.Any(s_handWrittenMigrations.Contains))
        {
            return;
        }

        if (!applied.SequenceEqual(s_handWrittenMigrations))
        {
            throw new InvalidOperationException(
                $"The database's migration history ({string.Join(", ", applied)}) is neither the hand-written migrations' ({string.Join(", ", s_handWrittenMigrations)}) nor EF's; it cannot be upgraded automatically.");
        }

        var baseline = db.Database.GetMigrations().First();
        await db.Database.ExecuteSqlRawAsync(
            history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken).ConfigureAwait(false);
    }
}
