// The benchmark harness. Every goal is a ratio to a raw baseline measured in the same run, because absolute
// times drift on a shared machine. Run in Release:
//
//   dotnet run -c Release --project tests/AfterSales.Disputes.Benchmarks -- --quick    (about a minute or less)
//   dotnet run -c Release --project tests/AfterSales.Disputes.Benchmarks               (longer, steadier)
using System.Globalization;
using AfterSales.Disputes.Benchmarks;
using Microsoft.Data.Sqlite;

var quick = args.Contains("--quick");
var budget = TimeSpan.FromSeconds(quick ? 3 : 15);
var disputes = quick ? 200 : 1_000; // at least 64, one per E4 writer
var due = quick ? 10_000 : 100_000;  // deadlines due at once in E5
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

    // E5: a drain of deadlines all due at once, on a fourth copy.
    File.Copy(Path.Combine(folder, "seed.db"), Path.Combine(folder, "e5.db"));
    var (drained, fired, duplicates) = await DeadlineDrain.RunAsync(Path.Combine(folder, "e5.db"), ids.Count, due);
    Report(new("E5", drained, "firings/s", $"deadline drain: {due:N0} seller-response deadlines due at once, fired by DeadlineRunner rounds"));
    Report(new("E5fired", fired, "firings", "automatic approvals found in the timelines afterwards"));
    Report(new("E5twice", duplicates, "disputes", "disputes whose deadline fired more than once"));
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

double Value(string name) => figures.Single(f => f.Name == name).Value;
var goals = new (string Name, string Text, double Actual, double Goal, bool AtLeast)[]
{
    ("E1/B1", "in-memory transitions ≥ 50 × raw SQLite updates", Value("E1") / Value("B1"), 50, true),
    ("E1alloc", "bytes per in-memory transition ≤ 1 KB", Value("E1alloc"), 1024, false),
    ("E2/B2", "persisted transitions ≥ 0.5 × raw statements", Value("E2") / Value("B2"), 0.5, true),
    ("E4/E2", "64 concurrent writers ≥ 0.9 × one writer", Value("E4") / Value("E2"), 0.9, true),
    ("E4errors", "no busy error reaches a writer", Value("E4errors"), 0, false),
    ("E5/E2", "deadline firings ≥ 5 × persisted transitions", Value("E5") / Value("E2"), 5, true),
    ("E5fired", "every due deadline fired", Value("E5fired"), due, true),
    ("E5twice", "no deadline fired twice", Value("E5twice"), 0, false),
};

Console.WriteLine();
Console.WriteLine($"{"figure",-9}{"value",16}  {"unit",-18}what");
foreach (var figure in figures)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figure.Name,-9}{figure.Value,16:N1}  {figure.Unit,-18}{figure.Description}"));
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
