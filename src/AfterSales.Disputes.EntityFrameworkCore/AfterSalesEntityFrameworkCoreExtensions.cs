using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.EntityFrameworkCore.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.EntityFrameworkCore;

/// <summary>Stores the engine's data with EF Core.</summary>
public static class AfterSalesEntityFrameworkCoreExtensions
{
    /// <summary>
    /// Stores everything in a SQLite file (WAL mode): one host, no server to run. The folder of the file
    /// is created when the database is migrated.
    /// </summary>
    /// <param name="builder">The engine's builder.</param>
    /// <param name="connectionString">A SQLite connection string, such as <c>Data Source=data/aftersales.db</c>.</param>
    public static AfterSalesBuilder UseSqlite(this AfterSalesBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddDbContextPool<SqliteAfterSalesDbContext>(options => Configure(options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSettings())));
        builder.Services.AddScoped<AfterSalesDbContext>(provider => provider.GetRequiredService<SqliteAfterSalesDbContext>());
        builder.Services.AddSingleton(_ => WriteGate.OneAtATime());
        return AddStore(builder);
    }

    /// <summary>Stores everything in PostgreSQL, so that several hosts can share one database.</summary>
    /// <param name="builder">The engine's builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public static AfterSalesBuilder UsePostgres(this AfterSalesBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddDbContextPool<PostgresAfterSalesDbContext>(options => Configure(options.UseNpgsql(connectionString)));
        builder.Services.AddScoped<AfterSalesDbContext>(provider => provider.GetRequiredService<PostgresAfterSalesDbContext>());
        builder.Services.AddSingleton(_ => WriteGate.Concurrent());
        return AddStore(builder);
    }

    /// <summary>
    /// Applies the migrations the database lacks (creating a SQLite file's folder and switching it to WAL),
    /// so that a host can call it at start.
    /// </summary>
    public static async Task MigrateAfterSalesDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
            if (!db.IsPostgres && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is { Length: > 0 } file
                && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (!db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void Configure(DbContextOptionsBuilder options) =>
        // The migrations are written by hand, so there is no model snapshot to compare with; a test proves
        // that the migrated schema equals the schema EF derives from the model instead.
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

    private static AfterSalesBuilder AddStore(AfterSalesBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TimelineCache>();
        services.AddScoped<EfAfterSalesStore>();
        services.AddScoped<IDisputeStore>(provider => provider.GetRequiredService<EfAfterSalesStore>());
        services.AddScoped<IOrderStore>(provider => provider.GetRequiredService<EfAfterSalesStore>());
        services.AddScoped<IDeadlineQueue>(provider => provider.GetRequiredService<EfAfterSalesStore>());
        services.AddScoped<IOutboxStore>(provider => provider.GetRequiredService<EfAfterSalesStore>());
        services.AddScoped<IWebhookStore>(provider => provider.GetRequiredService<EfAfterSalesStore>());
        services.AddScoped<IScorecardReader>(provider => provider.GetRequiredService<EfAfterSalesStore>());
        services.AddScoped<IIdempotencyStore>(provider => provider.GetRequiredService<EfAfterSalesStore>());
        services.AddScoped<IEvidenceStore>(provider => provider.GetRequiredService<EfAfterSalesStore>());
        return builder;
    }
}
