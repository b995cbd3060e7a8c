// The benchmark harness. Every goal is a ratio to a raw baseline measured in the same run, because absolute
// times drift on a shared machine. Run in Release:
//
//   dotnet run -c Release --project tests/AfterSales.Disputes.Benchmarks -- --quick    (about a minute or less)
//   dotnet run -c Release --project tests/AfterSales.Disputes.Benchmarks               (longer, steadier)
using System.Globalization;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Benchmarks;
using AfterSales.Disputes.Disputes;
using Microsoft.Data.Sqlite;

var quick = args.Contains("--quick");
var budget = TimeSpan.FromSeconds(quick ? 3 : 15);
var disputes = quick ? 200 : 1_000;
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

    var marketplace = await Marketplace.OpenAsync(Path.Combine(folder, "e2.db"));
    await using (marketplace)
    {
        var versions = ids.ToDictionary(id => id, _ => 0);
        foreach (var id in ids)
        {
            versions[id] = (await marketplace.SendAsync(new GetDispute(id)))!.Version;
        }

        var next = 0;
        Report(new("E2", await Measure.RateAsync(budget, async () =>
        {
            var id = ids[next++ % ids.Count];
            var result = await marketplace.SendAsync(new SendMessage(id, Actor.Seller(Marketplace.Store), new MessageText("We are looking into it"))
            {
                ExpectedVersion = versions[id],
            });
            versions[id] = result.Status == CommandStatus.Succeeded ? result.Dispute!.Version : throw new InvalidOperationException($"{result.Status} {result.Refusal?.Message}");
        }), "transitions/s", "persisted transitions: IMediator, handler, EF Core on SQLite (a message on a waiting dispute)"));
    }
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
