using AfterSales.Disputes.Application.Deadlines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// E5: many deadlines due at once. The seeded disputes are copied (<see cref="SeedCopies"/>) until <c>count</c> wait for their store,
/// then the engine's clock jumps past every seller-response deadline and <see cref="DeadlineRunner"/> rounds drain
/// them all (each auto-approves its dispute). Afterwards the timelines are counted: each must hold exactly one
/// automatic approval.
/// </summary>
internal static class DeadlineDrain
{
    public static async Task<(double PerSecond, long Fired, long Duplicates)> RunAsync(string file, int seeded, int count)
    {
        await SeedCopies.MultiplyAsync(file, seeded, count);
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
}
