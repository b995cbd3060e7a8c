extern alias benchmarks;

using System.Diagnostics;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Reliability.Tests.Support;
using benchmarks::AfterSales.Disputes.Benchmarks;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AfterSales.Disputes.Reliability.Tests.TimerStorm;

/// <summary>
/// Many deadlines falling due at the same moment (stores that all failed to answer over a holiday) while sellers
/// keep answering other disputes over HTTP: every deadline fires exactly once, no seller gets an error, and the
/// sellers' slowest answers (p99) stay within twice what they are without the storm.
/// </summary>
public sealed class TimerStormTests(ITestOutputHelper output)
{
    private const int Sellers = 8;
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    // Each seller cycles through its disputes, so that a case gets a few dozen messages, not thousands.
    private static int DisputesPerSeller => ReliabilityRun.Full ? 40 : 10;

    [Fact]
    public async Task DeadlinesFallingDueAllAtOnce_EachFireOnce_WhileSellersKeepBeingAnsweredInTime()
    {
        var count = ReliabilityRun.StormDeadlines;
        await using var host = HostProcess.Create(settings: ("AfterSales__RateLimit__PermitsPerMinute", "1000000"));
        var file = Path.Combine(host.DataFolder, "aftersales.db");

        // The moment they all fall due is set before the host starts, so that nothing but the storm writes then.
        var dueAt = DateTimeOffset.UtcNow + (ReliabilityRun.Full ? TimeSpan.FromSeconds(90) : TimeSpan.FromSeconds(30));
        var storm = await SeedUnansweredDisputesAsync(file, count, dueAt);
        await host.LaunchAsync();

        var parties = new List<(HttpClient, IReadOnlyList<string>)>();
        using var seller = await host.ClientAsync(Roles.Seller, World.Flagship);
        for (var i = 0; i < Sellers; i++)
        {
            var disputes = new List<string>();
            for (var j = 0; j < DisputesPerSeller; j++)
            {
                disputes.Add(await host.OpenReturnAsync($"order-busy-{i}-{j}"));
            }

            parties.Add((seller, disputes));
        }

        var traffic = SteadyTraffic.Start(parties, Period);
        await Task.Delay(TimeSpan.FromSeconds(3)); // warm-up: not measured
        var calmFrom = SteadyTraffic.Now();
        var calmFor = dueAt - DateTimeOffset.UtcNow;
        calmFor.Should().BeGreaterThan(TimeSpan.FromSeconds(5), "the calm before the storm is measured for a while");
        await Task.Delay(calmFor);
        var stormFrom = SteadyTraffic.Now();
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync(file, $"""SELECT COUNT(*) FROM "Deadlines" WHERE "DueAt" <= {dueAt.UtcTicks}""") > 0)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(10), "the storm should drain");
            await Task.Delay(250);
        }

        var stormTo = SteadyTraffic.Now();
        var drained = clock.Elapsed;
        await traffic.StopAsync();

        var calm = traffic.Between(calmFrom, stormFrom);
        var during = traffic.Between(stormFrom, stormTo);
        output.WriteLine($"{storm} deadlines fired in {drained.TotalSeconds:0.0} s ({storm / drained.TotalSeconds:0} a second) while {Sellers} sellers answered every {Period.TotalMilliseconds} ms");
        output.WriteLine($"p99 without the storm {SteadyTraffic.P99(calm):0.0} ms over {calm.Count} answers; during it {SteadyTraffic.P99(during):0.0} ms over {during.Count}; ratio {SteadyTraffic.P99(during) / SteadyTraffic.P99(calm):0.00}");
        output.WriteLine($"slowest before the storm (s after measuring began: ms): {string.Join(", ", traffic.Slowest(calmFrom, stormFrom, 8).Select(a => $"{a.After.TotalSeconds:0.0}: {a.Milliseconds:0}"))}");
        output.WriteLine($"slowest during the storm (s after it began: ms): {string.Join(", ", traffic.Slowest(stormFrom, stormTo, 8).Select(a => $"{a.After.TotalSeconds:0.0}: {a.Milliseconds:0}"))}");

        traffic.Errors.Should().BeEmpty("the sellers' answers are not refused or lost during the storm");
        (await ScalarAsync(file, """SELECT COUNT(*) FROM "DisputeEvents" WHERE "Action" = 'AutoApprove'""")).Should().Be(storm, "each deadline fired");
        (await ScalarAsync(file, """
            SELECT COUNT(*) FROM "Disputes" d WHERE d."Id" LIKE 'dsp-%'
            AND (SELECT COUNT(*) FROM "DisputeEvents" e WHERE e."DisputeId" = d."Id" AND e."Action" = 'AutoApprove') <> 1
            """)).Should().Be(0, "each deadline fired exactly once");
        (await ValueAsync(file, "PRAGMA integrity_check")).Should().Be("ok");
        if (ReliabilityRun.Full)
        {
            SteadyTraffic.P99(during).Should().BeLessThanOrEqualTo(2 * SteadyTraffic.P99(calm), "the storm may slow the sellers' slowest answers at most twofold");
        }
    }

    // Disputes opened ten days ago (the engine's clock set back) whose stores never answered: their seller-response
    // deadlines are long past. Copied in SQL up to `count`, as the E5 benchmark does, and held back in the queue until
    // `dueAt`, when they all fall due together. Returns how many there are.
    private static async Task<long> SeedUnansweredDisputesAsync(string file, int count, DateTimeOffset dueAt)
    {
        var seeded = Math.Min(count, 500);
        await using (var past = await Marketplace.OpenAsync(file, ahead: -TimeSpan.FromDays(10)))
        {
            await past.SeedAsync(seeded);
        }

        await SeedCopies.MultiplyAsync(file, seeded, count);
        await ExecuteAsync(file, $"""UPDATE "Deadlines" SET "DueAt" = {dueAt.UtcTicks}""");
        await ExecuteAsync(file, "PRAGMA wal_checkpoint(TRUNCATE)");

        // On disk before the host starts, as a marketplace's data has long been: otherwise the host's first
        // checkpoint flushes the seeding's hundreds of megabytes and every writer waits for that.
        await using (var seededFile = new FileStream(file, FileMode.Open, FileAccess.ReadWrite))
        {
            seededFile.Flush(flushToDisk: true);
        }

        return await ScalarAsync(file, """SELECT COUNT(*) FROM "Disputes" WHERE "Id" LIKE 'dsp-%'""");
    }

    private static async Task ExecuteAsync(string file, string sql)
    {
        await using var connection = await RawSqlite.OpenAsync(file, "NORMAL");
        await RawSqlite.ExecuteAsync(connection, sql);
    }

    private static async Task<long> ScalarAsync(string file, string sql) =>
        Convert.ToInt64(await ValueAsync(file, sql), System.Globalization.CultureInfo.InvariantCulture);

    // A connection of its own, unpooled, so that the host's file is not held open between checks.
    private static async Task<object?> ValueAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
