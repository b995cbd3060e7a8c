using AfterSales.Disputes.Application;
using AfterSales.Disputes.EntityFrameworkCore.PostgreSql;
using AfterSales.Disputes.EntityFrameworkCore.Store;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore;

/// <summary>Stores the engine's data in PostgreSQL.</summary>
public static class AfterSalesPostgreSqlExtensions
{
    /// <summary>Stores everything in PostgreSQL, so that several hosts can share one database.</summary>
    /// <param name="builder">The engine's builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public static AfterSalesBuilder UsePostgres(this AfterSalesBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.AddStore<PostgresAfterSalesDbContext>(options => options.UseNpgsql(connectionString), WriteGate.Concurrent);
    }
}
