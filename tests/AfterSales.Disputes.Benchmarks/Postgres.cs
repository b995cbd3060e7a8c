using Npgsql;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// B4 and E6 on the PostgreSQL server named by <c>AFTERSALES_TEST_POSTGRES</c> (the variable the tests use; a
/// login that may create databases). Each figure gets a database of its own, dropped afterwards.
/// </summary>
internal static class Postgres
{
    public static string? Server => Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>A fresh database on the server: its connection string, and its removal.</summary>
    public static async Task<(string ConnectionString, Func<Task> Drop)> CreateDatabaseAsync(string server)
    {
        var name = $"aftersales_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return (connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                    return;
                }
                catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 60)
                {
                    // An autovacuum worker is on the database after heavy writes, and a login that is not a
                    // superuser may not end it: wait for it to finish.
                    await Task.Delay(1_000);
                }
            }
        });
    }

    /// <summary>B4: raw Npgsql single-row update transactions per second (default durability: each commit is flushed).</summary>
    public static async Task<double> SingleRowUpdatesAsync(string connectionString, TimeSpan budget)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE counters (id integer PRIMARY KEY, value bigint NOT NULL); INSERT INTO counters SELECT i, 0 FROM generate_series(1, 1000) AS i", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var update = new NpgsqlCommand("UPDATE counters SET value = value + 1 WHERE id = $1", connection);
        var id = new NpgsqlParameter<int>();
        update.Parameters.Add(id);
        var next = 0;
        return await Measure.RateAsync(budget, async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            update.Transaction = transaction;
            id.TypedValue = (next++ % 1000) + 1;
            await update.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        });
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
