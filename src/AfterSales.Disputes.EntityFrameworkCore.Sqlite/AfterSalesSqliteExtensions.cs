using AfterSales.Disputes.Application;
using AfterSales.Disputes.EntityFrameworkCore.Sqlite;
using AfterSales.Disputes.EntityFrameworkCore.Store;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore;

/// <summary>Stores the engine's data in a SQLite file.</summary>
public static class AfterSalesSqliteExtensions
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

        // SQLite has one writer: the writers of this process queue in the gate rather than in SQLite's busy handler.
        return builder.AddStore<SqliteAfterSalesDbContext>(
            options => options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSettings()),
            WriteGate.OneAtATime);
    }
}
