using System.Data.Common;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Store;

/// <summary>
/// Every SQLite connection the store works on waits for a lock, syncs as WAL needs and checks foreign keys: the
/// settings are made once per SQLite connection, and a connection the pool hands out again still has them.
/// </summary>
public class ConnectionSettingsTests
{
    [Fact]
    public async Task ANewAndAReusedSqliteConnection_BothHaveTheStoresSettings()
    {
        await using var host = await TestHost.StartAsync("sqlite");

        var first = await SettingsAsync(host);
        var again = await SettingsAsync(host); // the same SQLite connection, from the pool, opened again

        first.Should().Equal(5000L, 1L, 1L);
        again.Should().Equal(5000L, 1L, 1L);
    }

    // busy_timeout, synchronous (1 = NORMAL) and foreign_keys of a connection opened by a fresh scope's context.
    private static async Task<long[]> SettingsAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            return [await ReadAsync(connection, "PRAGMA busy_timeout"), await ReadAsync(connection, "PRAGMA synchronous"), await ReadAsync(connection, "PRAGMA foreign_keys")];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> ReadAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
