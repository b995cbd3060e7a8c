using Microsoft.Data.Sqlite;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// The raw baselines on SQLite: what the database underneath can physically do on this machine in this run,
/// with the pragmas the engine's store uses (WAL, <c>busy_timeout</c>, <c>foreign_keys</c>).
/// </summary>
internal static class RawSqlite
{
    /// <summary>B1: single-row update transactions per second on a fresh file, at the given <c>synchronous</c> level.</summary>
    public static async Task<double> SingleRowUpdatesAsync(string file, string synchronous, TimeSpan budget)
    {
        await using var connection = await OpenAsync(file, synchronous);
        await ExecuteAsync(connection, "CREATE TABLE counters (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)");
        await ExecuteAsync(connection, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO counters SELECT i, 0 FROM n");
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE counters SET value = value + 1 WHERE id = $id";
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        var next = 0;
        return await Measure.RateAsync(budget, async () =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            update.Transaction = transaction;
            id.Value = (next++ % 1000) + 1;
            await update.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        });
    }

    /// <summary>Opens a connection with the engine store's pragmas and <paramref name="synchronous"/>.</summary>
    public static async Task<SqliteConnection> OpenAsync(string file, string synchronous)
    {
        var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA synchronous = {synchronous}; PRAGMA foreign_keys = ON;");
        return connection;
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
