using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Store;

/// <summary>
/// The migrations are hand-written (no model snapshot), so this test is
/// what keeps them true: a migrated database must have exactly the schema EF creates from the model.
/// </summary>
public class MigrationTests
{
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
        var sql = db.IsPostgres
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
        return [.. rows.Select(r => string.Join(' ', r.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Order(StringComparer.Ordinal)];
    }
}
