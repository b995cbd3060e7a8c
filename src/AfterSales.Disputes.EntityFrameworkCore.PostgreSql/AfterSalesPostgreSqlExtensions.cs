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
        // The stores tag the queries that claim or hold rows; the interceptor adds PostgreSQL's locking clause to them.
        return builder.AddStore<PostgresAfterSalesDbContext>(options => options.UseNpgsql(connectionString).AddInterceptors(new RowLockInterceptor()), WriteGate.Concurrent);
    }
}
