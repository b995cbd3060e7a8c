// The benchmark harness. Every goal is a ratio to a raw baseline measured in the same run, because absolute
// times drift on a shared machine. Run in Release:
//
//   dotnet run -c Release --project tests/AfterSales.Disputes.Benchmarks -- --quick    (about a minute or less)
//   dotnet run -c Release --project tests/AfterSales.Disputes.Benchmarks               (longer, steadier)
//   dotnet run -c Release --project tests/AfterSales.Disputes.Benchmarks -- --micro    (BenchmarkDotNet, engine only)
using System.Globalization;
using AfterSales.Disputes.Benchmarks;
using Microsoft.Data.Sqlite;

var quick = args.Contains("--quick");
if (args.Contains("--micro"))
{
    return AfterSales.Disputes.Benchmarks.Micro.MicroBenchmarks.Run([.. args.Where(a => a is not ("--micro" or "--quick"))], quick);
}

var budget = TimeSpan.FromSeconds(quick ? 1.5 : 15);
var disputes = quick ? 200 : 1_000; // at least 64, one per E4 writer
var due = quick ? 5_000 : 100_000;   // deadlines due at once in E5
var (few, many) = quick ? (1_000, 100_000) : (10_000, 1_000_000); // disputes stored in E7
var reads = quick ? 300 : 2_000;     // reads per E7 median
var folder = Directory.CreateTempSubdirectory("aftersales-bench").FullName;
var figures = new List<Figure>();
void Report(Figure figure)
{
    figures.Add(figure);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  measured {figure.Name}: {figure.Value:0.##} {figure.Unit}"));
}

try
{
    Console.Error.WriteLine($"{(quick ? "Quick" : "Full")} run: {budget.TotalSeconds:0} s per figure, {disputes} disputes, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");

    Report(new("B1", await RawSqlite.SingleRowUpdatesAsync(Path.Combine(folder, "b1-normal.db"), "NORMAL", budget), "tx/s",
        "raw Microsoft.Data.Sqlite single-row update transactions, WAL, synchronous=NORMAL"));
    Report(new("B1full", await RawSqlite.SingleRowUpdatesAsync(Path.Combine(folder, "b1-full.db"), "FULL", budget), "tx/s",
        "the same with synchronous=FULL"));

    var (perSecond, bytes) = EngineTransitions.Run(budget);
    Report(new("E1", perSecond, "transitions/s", "flow engine in memory: guarded actions, each starting a deadline"));
    Report(new("E1alloc", bytes, "bytes/transition", "bytes allocated per in-memory transition"));
    var (statelessPerSecond, statelessBytes) = EngineTransitions.RunOnStateless(budget);
    Report(new("E1stateless", statelessPerSecond, "transitions/s", "the E1 loop on the same flow compiled into a Stateless 5.20.1 machine"));
    Report(new("E1statelessAlloc", statelessBytes, "bytes/transition", "bytes allocated per transition on that Stateless machine"));

    // B2 and E2 run on two copies of the same seeded marketplace: same schema, rows and timelines.
    var (seeded, ids) = await Marketplace.SeedAsync(Path.Combine(folder, "seed.db"), disputes);
    await seeded.DisposeAsync();
    SqliteConnection.ClearAllPools();
    await using (var checkpoint = await RawSqlite.OpenAsync(Path.Combine(folder, "seed.db"), "NORMAL"))
    {
        await RawSqlite.ExecuteAsync(checkpoint, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    SqliteConnection.ClearAllPools();
    File.Copy(Path.Combine(folder, "seed.db"), Path.Combine(folder, "b2.db"));
    File.Copy(Path.Combine(folder, "seed.db"), Path.Combine(folder, "e2.db"));

    await using (var raw = await RawTransition.OpenAsync(Path.Combine(folder, "b2.db"), ids))
    {
        var next = 0;
        Report(new("B2", await Measure.RateAsync(budget, () => raw.RunAsync(ids[next++ % ids.Count])), "tx/s",
            "raw ADO.NET: exactly the statements of one persisted transition, in one transaction"));
    }

    await using (var marketplace = await Marketplace.OpenAsync(Path.Combine(folder, "e2.db")))
    {
        var next = 0;
        Report(new("E2", await Measure.RateAsync(budget, () => marketplace.MessageAsync(ids[next++ % ids.Count])), "transitions/s",
            "persisted transitions: IMediator, handler, EF Core on SQLite (a message on a waiting dispute)"));
    }

    // E3: the same transition through the real host over HTTP: the most it answers, then half of that on a schedule.
    await using (var host = await ApiHost.StartAsync(Path.Combine(folder, "e3")))
    {
        var seededOverHttp = await host.SeedAsync(disputes);
        var http = await HttpTransitions.StartAsync(host, seededOverHttp);
        // A fresh host process needs longer than the engine in process before tiered compilation settles.
        var maximum = await http.MaximumAsync(budget, clients: 16, warmUp: TimeSpan.FromSeconds(quick ? 4 : 20));
        Report(new("E3", maximum, "transitions/s", "HTTP transitions through the host: bearer token, If-Match, Idempotency-Key; 16 clients in closed loops"));
        var latencies = await http.OpenLoopAsync(budget * 2, maximum / 2);
        Report(new("E3rate", maximum / 2, "requests/s", "open-loop load at half of E3, on a fixed schedule"));
        Report(new("E3p50", HttpTransitions.Percentile(latencies, 50), "ms", "latency at that rate, median (from each request's scheduled start)"));
        Report(new("E3p99", HttpTransitions.Percentile(latencies, 99), "ms", "latency at that rate, 99th percentile"));
        Report(new("E3p99.9", HttpTransitions.Percentile(latencies, 99.9), "ms", "latency at that rate, 99.9th percentile"));
        Report(new("E3errors", http.Errors, "errors", "answers other than 200 in E3"));

        // R1 and R2: reads of the same disputes on the same host, against its floor (a static authenticated answer).
        var httpReads = await HttpReads.StartAsync(host, seededOverHttp);
        var readWarmUp = TimeSpan.FromSeconds(quick ? 2 : 5);
        var (floor, floorP99) = await httpReads.MeasureAsync(budget, 32, HttpReads.Read.Static, readWarmUp);
        Report(new("Rstatic", floor, "requests/s", "authenticated GET of a static answer (/api/v1/flows), 32 closed loops: the host's floor"));
        Report(new("Rstaticp99", floorP99, "ms", "its latency, 99th percentile"));
        var (one, oneP99) = await httpReads.MeasureAsync(budget, 32, HttpReads.Read.Dispute, readWarmUp);
        Report(new("R1", one, "requests/s", "GET one dispute (the store's view with its allowed actions), 32 closed loops"));
        Report(new("R1p99", oneP99, "ms", "its latency, 99th percentile"));
        var (unchanged, _) = await httpReads.MeasureAsync(budget, 32, HttpReads.Read.DisputeUnchanged, readWarmUp);
        Report(new("R2", unchanged, "requests/s", "GET one dispute with If-None-Match its current ETag, 32 closed loops"));
        Report(new("Rerrors", httpReads.Errors, "answers", "answers other than 200 in R1 and 304 in R2"));
    }

    // S1: the host started again on the database E3 left, until it answers ready.
    await using (var restarted = await ApiHost.StartAsync(Path.Combine(folder, "e3")))
    {
        Report(new("S1", restarted.ReadyAfter.TotalSeconds, "s", "from starting the host process on an existing database to 200 on /health/ready"));
    }

    // E4: 64 writers at once, each on its own dispute; busy database errors must never reach a caller.
    File.Copy(Path.Combine(folder, "seed.db"), Path.Combine(folder, "e4.db"));
    await using (var marketplace = await Marketplace.OpenAsync(Path.Combine(folder, "e4.db")))
    {
        // Each writer takes its own share of the disputes in turn, so timelines grow as fast as in E2.
        var shares = Enumerable.Range(0, 64).Select(writer => ids.Where((_, i) => i % 64 == writer).ToArray()).ToArray();
        var turns = new int[64];
        var failures = 0;
        Report(new("E4", await Measure.ConcurrentRateAsync(budget, 64, async writer =>
        {
            try
            {
                await marketplace.MessageAsync(shares[writer][turns[writer]++ % shares[writer].Length]);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failures);
                throw;
            }
        }), "transitions/s", "64 concurrent writers on distinct disputes, persisted as E2"));
        Report(new("E4errors", failures, "errors", "errors that reached the 64 writers"));
    }

    // B4 and E6: PostgreSQL, when a server is configured; each on a database of its own.
    if (Postgres.Server is { } server)
    {
        var (b4, dropB4) = await Postgres.CreateDatabaseAsync(server);
        try
        {
            Report(new("B4", await Postgres.SingleRowUpdatesAsync(b4, budget), "tx/s", "raw Npgsql single-row update transactions (PostgreSQL defaults: each commit flushed)"));
        }
        finally
        {
            await dropB4();
        }

        var (e6, dropE6) = await Postgres.CreateDatabaseAsync(server);
        try
        {
            await using var marketplace = await Marketplace.OpenPostgresAsync(e6);
            var onPostgres = await marketplace.SeedAsync(disputes);
            var next = 0;
            Report(new("E6", await Measure.RateAsync(budget, () => marketplace.MessageAsync(onPostgres[next++ % onPostgres.Count])), "transitions/s",
                "persisted transitions as E2, on PostgreSQL"));
        }
        finally
        {
            await dropE6();
        }
    }
    else
    {
        Console.Error.WriteLine("  B4 and E6 not measured: set AFTERSALES_TEST_POSTGRES to an Npgsql connection string of a login that may create databases.");
    }

    // E5: a drain of deadlines all due at once, on a fourth copy.
    File.Copy(Path.Combine(folder, "seed.db"), Path.Combine(folder, "e5.db"));
    var (drained, fired, duplicates) = await DeadlineDrain.RunAsync(Path.Combine(folder, "e5.db"), ids.Count, due);
    Report(new("E5", drained, "firings/s", $"deadline drain: {due:N0} seller-response deadlines due at once, fired by DeadlineRunner rounds"));
    Report(new("E5fired", fired, "firings", "automatic approvals found in the timelines afterwards"));
    Report(new("E5twice", duplicates, "disputes", "disputes whose deadline fired more than once"));

    // E7: reads with many disputes stored, against the same reads with few.
    File.Copy(Path.Combine(folder, "seed.db"), Path.Combine(folder, "e7-few.db"));
    var (getFew, pageFew) = await Scale.MeasureAsync(Path.Combine(folder, "e7-few.db"), ids.Count, few, reads);
    File.Delete(Path.Combine(folder, "e7-few.db"));
    File.Copy(Path.Combine(folder, "seed.db"), Path.Combine(folder, "e7-many.db"));
    var (getMany, pageMany) = await Scale.MeasureAsync(Path.Combine(folder, "e7-many.db"), ids.Count, many, reads);
    Report(new("E7getFew", getFew, "ms", $"a dispute by id, median, with {few:N0} disputes stored (random ids, read from the database)"));
    Report(new("E7getMany", getMany, "ms", $"the same with {many:N0} disputes stored"));
    Report(new("E7pageFew", pageFew, "ms", $"a seller's first page of waiting disputes, median, with {few:N0} stored over {Scale.Stores} stores"));
    Report(new("E7pageMany", pageMany, "ms", $"the same with {many:N0} stored"));
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

double Value(string name) => figures.Single(f => f.Name == name).Value;
var goals = new List<(string Name, string Text, double Actual, double Goal, bool AtLeast)>
{
    ("E1/B1", "in-memory transitions ≥ 50 × raw SQLite updates", Value("E1") / Value("B1"), 50, true),
    ("E1alloc", "bytes per in-memory transition ≤ 1 KB", Value("E1alloc"), 1024, false),
    ("E1/E1stateless", "our engine ≥ 2 × the same loop on Stateless (why the runtime engine is our own)", Value("E1") / Value("E1stateless"), 2, true),
    ("E2/B2", "persisted transitions ≥ 0.5 × raw statements", Value("E2") / Value("B2"), 0.5, true),
    ("E3/E2", "HTTP transitions ≥ 0.6 × persisted transitions", Value("E3") / Value("E2"), 0.6, true),
    ("E3p99", "p99 at half the HTTP maximum ≤ 25 ms", Value("E3p99"), 25, false),
    ("E3errors", "every HTTP transition answered 200", Value("E3errors"), 0, false),
    ("R1/Rstatic", "GET one dispute ≥ 0.3 × the host's static floor", Value("R1") / Value("Rstatic"), 0.3, true),
    ("R1p99", "GET one dispute p99 ≤ 20 ms", Value("R1p99"), 20, false),
    ("R2/Rstatic", "an unchanged dispute's 304 ≥ 0.5 × the static floor", Value("R2") / Value("Rstatic"), 0.5, true),
    ("Rerrors", "every read answered 200, every unchanged read 304", Value("Rerrors"), 0, false),
    ("S1", "ready ≤ 2 s after start on an existing database", Value("S1"), 2, false),
    ("E4/E2", "64 concurrent writers ≥ 0.9 × one writer", Value("E4") / Value("E2"), 0.9, true),
    ("E4errors", "no busy error reaches a writer", Value("E4errors"), 0, false),
    ("E5/E2", "deadline firings ≥ 5 × persisted transitions", Value("E5") / Value("E2"), 5, true),
    ("E5fired", "every due deadline fired", Value("E5fired"), due, true),
    ("E5twice", "no deadline fired twice", Value("E5twice"), 0, false),
    ("E7get", $"get by id with {many:N0} stored ≤ 2 × with {few:N0}", Value("E7getMany") / Value("E7getFew"), 2, false),
    ("E7page", $"seller's first page with {many:N0} stored ≤ 2 × with {few:N0}", Value("E7pageMany") / Value("E7pageFew"), 2, false),
};
if (figures.Any(f => f.Name == "E6"))
{
    goals.Add(("E6/B4", "persisted transitions on PostgreSQL ≥ 0.4 × raw updates", Value("E6") / Value("B4"), 0.4, true));
}

Console.WriteLine();
Console.WriteLine($"{"figure",-11}{"value",16}  {"unit",-18}what");
foreach (var figure in figures)
{
    var value = figure.Value.ToString(figure.Value >= 100 ? "N1" : "N3", CultureInfo.InvariantCulture);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figure.Name,-11}{value,16}  {figure.Unit,-18}{figure.Description}"));
}

Console.WriteLine();
foreach (var figure in figures)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figure.Name} {figure.Value:0.###} {figure.Unit}"));
}

Console.WriteLine();
var missed = 0;
foreach (var (name, text, actual, goal, atLeast) in goals)
{
    var ok = atLeast ? actual >= goal : actual <= goal;
    missed += ok ? 0 : 1;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {actual:0.###} {(atLeast ? ">=" : "<=")} {goal:0.###} {(ok ? "ok" : "MISSED")}  ({text})"));
}

return missed == 0 ? 0 : 1;
