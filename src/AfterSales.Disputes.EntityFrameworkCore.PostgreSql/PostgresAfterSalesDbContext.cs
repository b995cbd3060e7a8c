using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace AfterSales.Disputes.EntityFrameworkCore.PostgreSql;

/// <summary>The PostgreSQL context, for several hosts sharing one database.</summary>
internal sealed class PostgresAfterSalesDbContext : AfterSalesDbContext
{
    public PostgresAfterSalesDbContext(DbContextOptions<PostgresAfterSalesDbContext> options)
        : base(options)
    {
    }

    // Concurrent writers commit out of order: an event numbered 7 may commit after one numbered 8. The feed
    // orders by the writing transaction, then the number, and shows only events of transactions older than every
    // running one (pg_snapshot_xmin), so a follower's cursor never passes an event still to commit. xid8 is cast
    // to bigint, which holds it for as long as a cluster's epochs last.
    public override string SettledEventsSql =>
        "SELECT * FROM \"DisputeEvents\" WHERE \"TransactionId\" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var events = modelBuilder.Entity<DisputeEventRow>();
        events.Property(e => e.Position).UseIdentityByDefaultColumn();
        events.Property(e => e.TransactionId).HasDefaultValueSql("pg_current_xact_id()::text::bigint");
    }

    protected override bool IsBusyError(Exception error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    protected override bool IsUniqueViolationError(Exception error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAfterSalesDbContext>
{
    public PostgresAfterSalesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAfterSalesDbContext>().UseNpgsql("Host=localhost;Database=aftersales").Options);
}
