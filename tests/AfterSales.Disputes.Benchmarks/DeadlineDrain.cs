using AfterSales.Disputes.Application.Deadlines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// E5: many deadlines due at once. The seeded disputes are copied in SQL until <c>count</c> wait for their store,
/// then the engine's clock jumps past every seller-response deadline and <see cref="DeadlineRunner"/> rounds drain
/// them all (each auto-approves its dispute). Afterwards the timelines are counted: each must hold exactly one
/// automatic approval.
/// </summary>
internal static class DeadlineDrain
{
    public static async Task<(double PerSecond, long Fired, long Duplicates)> RunAsync(string file, int seeded, int count)
    {
        await using (var connection = await RawSqlite.OpenAsync(file, "NORMAL"))
        {
            var copies = (count + seeded - 1) / seeded - 1;
            await RawSqlite.ExecuteAsync(connection, "BEGIN");
            await CopyAsync(connection, "Disputes", copies, new() { ["Id"] = "\"Id\" || '-' || k", ["OrderId"] = "\"OrderId\" || '-' || k" });
            // Event details name their dispute and order ("dsp-7", "order-7"): the copies name theirs.
            await CopyAsync(connection, "DisputeEvents", copies, new()
            {
                ["DisputeId"] = "\"DisputeId\" || '-' || k",
                ["Data"] = "REPLACE(REPLACE(\"Data\", '\"' || \"DisputeId\" || '\"', '\"' || \"DisputeId\" || '-' || k || '\"'), "
                    + "'\"order-' || SUBSTR(\"DisputeId\", 5) || '\"', '\"order-' || SUBSTR(\"DisputeId\", 5) || '-' || k || '\"')",
            });
            await CopyAsync(connection, "Deadlines", copies, new() { ["DisputeId"] = "\"DisputeId\" || '-' || k" });
            await RawSqlite.ExecuteAsync(connection, "COMMIT");
        }

        SqliteConnection.ClearAllPools();
        var fired = 0L;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var marketplace = await Marketplace.OpenAsync(file, ahead: TimeSpan.FromDays(6)))
        {
            var runner = marketplace.Services.GetRequiredService<DeadlineRunner>();
            for (int round; (round = await runner.RunOnceAsync(CancellationToken.None)) > 0;)
            {
                fired += round;
            }
        }

        var elapsed = clock.Elapsed;
        SqliteConnection.ClearAllPools();
        await using var check = await RawSqlite.OpenAsync(file, "NORMAL");
        await using var command = check.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*), COUNT(*) - COUNT(DISTINCT "DisputeId") FROM "DisputeEvents" WHERE "Action" = 'AutoApprove'
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var approvals = reader.GetInt64(0);
        if (approvals != fired)
        {
            throw new InvalidOperationException($"The runner reported {fired} firings but the timelines hold {approvals} automatic approvals.");
        }

        return (fired / elapsed.TotalSeconds, approvals, reader.GetInt64(1));
    }

    // Copies every row of a table `copies` times, rewriting the key columns with the copy number k.
    private static async Task CopyAsync(SqliteConnection connection, string table, int copies, Dictionary<string, string> rewrite)
    {
        await using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        var names = new List<string>();
        await using (var reader = await columns.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var select = string.Join(", ", names.Select(n => rewrite.GetValueOrDefault(n, $"\"{n}\"")));
        await RawSqlite.ExecuteAsync(connection, $"""
            WITH RECURSIVE copies(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM copies WHERE k < {copies})
            INSERT INTO "{table}" SELECT {select} FROM "{table}", copies WHERE {copies} > 0
            """);
    }
}
