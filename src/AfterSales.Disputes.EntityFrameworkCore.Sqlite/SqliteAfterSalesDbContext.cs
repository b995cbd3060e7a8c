using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AfterSales.Disputes.EntityFrameworkCore.Sqlite;

/// <summary>The SQLite context: one file, in WAL mode.</summary>
internal sealed class SqliteAfterSalesDbContext : AfterSalesDbContext
{
    public SqliteAfterSalesDbContext(DbContextOptions<SqliteAfterSalesDbContext> options)
        : base(options)
    {
    }

    public override Task BeforeMigratingAsync(CancellationToken cancellationToken)
    {
        if (new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource is { Length: > 0 } file
            && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return Task.CompletedTask;
    }

    public override Task AfterMigratingAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // SQLite adds a NOT NULL column to a table with rows only with a default; the model says so too, so a migrated
        // database has the schema of a created one. TransactionId stays 0: one writer commits in position order.
        var events = modelBuilder.Entity<DisputeEventRow>();
        events.Property(e => e.Position).HasDefaultValue(0L);
        events.Property(e => e.TransactionId).HasDefaultValue(0L);
    }

    // One writer at a time commits in the order it numbers: the next feed position is the largest so far plus the
    // row's number in the statement. The condition on TransactionId (always 0 here) lets SQLite read that largest
    // position as the last entry of the (TransactionId, Position) index, one step; without it MAX scans the index.
    public override string? InsertValueSql(IProperty property) =>
        property.DeclaringType.ClrType == typeof(DisputeEventRow) && property.Name == nameof(DisputeEventRow.Position)
            ? "(SELECT COALESCE(MAX(\"Position\"), 0) FROM \"DisputeEvents\" WHERE \"TransactionId\" = 0) + {0}"
            : null;

    // SQLITE_BUSY (5) and SQLITE_LOCKED (6).
    protected override bool IsBusyError(Exception error) => error is SqliteException { SqliteErrorCode: 5 or 6 };

    // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067).
    protected override bool IsUniqueViolationError(Exception error) =>
        error is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 };

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no time type and EF cannot order or compare DateTimeOffset text there: times are UTC ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
    {
        public UtcTicksConverter()
            : base(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero))
        {
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model; the file is never opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAfterSalesDbContext>
{
    public SqliteAfterSalesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAfterSalesDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
