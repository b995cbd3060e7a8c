using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Store;

/// <summary>
/// The EF migrations (written by <c>dotnet ef migrations add</c>, one set per provider) give exactly the schema
/// of the model, leave no model change behind, and adopt a database that the hand-written migrations
/// created without losing a row.
/// </summary>
public class MigrationTests
{
    private static readonly string[] s_tables =
        ["Disputes", "DisputeEvents", "Deadlines", "Orders", "OrderLines", "Outbox", "WebhookSubscriptions", "WebhookDeliveries", "IdempotencyRecords", "EvidenceFiles"];

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task MigratingAnEmptyDatabase_GivesExactlyTheSchemaOfTheModel(string provider)
    {
        await using var migrated = await TestHost.StartAsync(provider);
        await using var created = await TestHost.StartAsync(TestDatabase.Create(provider));
        await created.QueryAsync(db => db.Database.EnsureCreatedAsync());

        var migratedSchema = await migrated.QueryAsync(Schema);
        var createdSchema = await created.QueryAsync(Schema);

        migratedSchema.Should().NotBeEmpty().And.Equal(createdSchema);
        (await migrated.QueryAsync(db => db.Database.GetPendingMigrationsAsync())).Should().BeEmpty();
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TheModel_HasNoChangeThatTheMigrationsLack(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);

        var pending = await host.QueryAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        pending.Should().BeFalse("a model change needs its migration: dotnet ef migrations add <Name> --project src/AfterSales.Disputes.EntityFrameworkCore.{Sqlite,PostgreSql}");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ADatabaseOfTheHandWrittenMigrations_UpgradesToTheEfMigrations_WithEveryRowKept(string provider)
    {
        // The old host stays up while the new one upgrades: disposing a host drops its database.
        await using var old = await TestHost.StartAsync(TestDatabase.Create(provider));
        await old.QueryAsync(db => CreateTheHandWrittenSchemaAsync(db, provider));

        // This code writes the event feed's columns and the service-level times, and reads a store's latest assessment,
        // which the old schema lacks: they stand in while it writes and go before the upgrade, leaving the rows the old code wrote.
        var serviceLevelTimes = provider == "postgres"
            ? "ALTER TABLE \"Disputes\" ADD COLUMN \"EscalatedAt\" timestamp with time zone NULL; ALTER TABLE \"Disputes\" ADD COLUMN \"RuledAt\" timestamp with time zone NULL;"
            : "ALTER TABLE \"Disputes\" ADD COLUMN \"EscalatedAt\" bigint NULL; ALTER TABLE \"Disputes\" ADD COLUMN \"RuledAt\" bigint NULL;";
        await old.QueryAsync(db => db.Database.ExecuteSqlRawAsync(serviceLevelTimes));
        await old.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "ALTER TABLE \"DisputeEvents\" ADD COLUMN \"Position\" bigint NOT NULL DEFAULT 0; ALTER TABLE \"DisputeEvents\" ADD COLUMN \"TransactionId\" bigint NOT NULL DEFAULT 0;"
            + " CREATE TABLE \"StoreAssessments\" (\"StoreId\" text, \"Level\" text, \"PeriodEnd\" bigint);"));
        await old.SendAsync(new RegisterOrder(RouterOrder()));
        await old.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        await old.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));
        var countsBefore = await old.QueryAsync(Counts);
        var timelineBefore = await old.SendAsync(new GetTimeline("dispute-1"));
        await old.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "ALTER TABLE \"DisputeEvents\" DROP COLUMN \"Position\"; ALTER TABLE \"DisputeEvents\" DROP COLUMN \"TransactionId\"; DROP TABLE \"StoreAssessments\";"
            + " ALTER TABLE \"Disputes\" DROP COLUMN \"EscalatedAt\"; ALTER TABLE \"Disputes\" DROP COLUMN \"RuledAt\";"));

        await using var upgraded = await TestHost.StartAsync(old.Database);
        await upgraded.Services.MigrateAfterSalesDatabaseAsync();

        (await upgraded.QueryAsync(Counts)).Should().Equal(countsBefore).And.Contain(count => count > 0);
        (await upgraded.SendAsync(new GetTimeline("dispute-1"))).Should().BeEquivalentTo(timelineBefore);
        (await upgraded.QueryAsync(db => db.Database.GetPendingMigrationsAsync())).Should().BeEmpty();
        (await upgraded.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.Withdraw))).Status.Should().Be(CommandStatus.Succeeded);

        await using var created = await TestHost.StartAsync(TestDatabase.Create(provider));
        await created.QueryAsync(db => db.Database.EnsureCreatedAsync());
        (await upgraded.QueryAsync(Schema)).Should().Equal(await created.QueryAsync(Schema));
    }

    [SkippableFact]
    public async Task ASqliteDatabase_RunsInWalMode()
    {
        await using var host = await TestHost.StartAsync("sqlite");

        var mode = await host.QueryAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());

        mode.Should().Equal("wal");
    }

    // Tables, columns with types and nullability, and indexes with their definitions, in a stable order.
    private static async Task<List<string>> Schema(AfterSalesDbContext db)
    {
        var sql = db is PostgreSql.PostgresAfterSalesDbContext
            ? """
              SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable AS "Value"
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
              UNION ALL
              SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
              """
            : """
              SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS "Value" FROM sqlite_master
              WHERE name NOT LIKE '__EFMigrations%' AND name NOT LIKE 'sqlite_%'
              """;
        var rows = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        // Whitespace aside: SQLite keeps a table's CREATE text as written, and ALTER TABLE ADD COLUMN splices into it.
        return [.. rows.Select(r => string.Join(' ', r.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Replace(" ,", ",", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    // What the hand-written migrations did: their scripts (kept as test fixtures), and their ids in EF's history table.
    private static async Task<bool> CreateTheHandWrittenSchemaAsync(AfterSalesDbContext db, string provider)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Store", "Fixtures", "HandWrittenSchema", provider == "postgres" ? "Postgres" : "Sqlite");
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateScript());
        foreach (var script in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlRawAsync(await File.ReadAllTextAsync(script));
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(Path.GetFileNameWithoutExtension(script), "10.0.15")));
        }

        return true;
    }

    private static async Task<List<int>> Counts(AfterSalesDbContext db)
    {
        var counts = new List<int>();
        foreach (var table in s_tables)
        {
            // The table names are the constants above, not input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts.Add(await db.Database.SqlQueryRaw<int>(sql).SingleAsync());
        }

        return counts;
    }
}
