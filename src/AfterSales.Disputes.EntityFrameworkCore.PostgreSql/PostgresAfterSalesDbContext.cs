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
