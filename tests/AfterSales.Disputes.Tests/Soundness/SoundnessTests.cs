using System.Diagnostics;
using System.Globalization;
using System.Text;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using Xunit.Abstractions;

namespace AfterSales.Disputes.Tests.Soundness;

/// <summary>
/// Every case can finish: the explorer drives real disputes of every kind, in every scenario, through
/// every action of every party and every deadline, and checks progress, termination by deadlines alone,
/// honest menus, money, replay and visibility at each configuration it reaches. CI explores a bounded
/// space; <c>AFTERSALES_SOUNDNESS_FULL=true</c> explores deeper and walks millions of transitions.
/// </summary>
public class SoundnessTests(ITestOutputHelper output)
{
    private static readonly bool s_full = Environment.GetEnvironmentVariable("AFTERSALES_SOUNDNESS_FULL") == "true";

    private static ExplorationBounds Bounds => s_full
        ? new ExplorationBounds(Depth: 8, Walks: 500, WalkLength: 100)
        : new ExplorationBounds(Depth: 6, Walks: 150, WalkLength: 40);

    [Fact]
    public void EveryReachableCase_OfEveryShippedFlow_CanFinish()
    {
        var clock = Stopwatch.StartNew();
        var (opened, refused) = Scenarios.Open();
        List<(DisputeSubject Subject, IReadOnlyList<string>? Script)> starts =
        [
            .. opened.Select(subject => (subject, (IReadOnlyList<string>?)null)),
            // A deep start begins from the scenario's first request of its kind.
            .. Scenarios.DeepStarts.Select(deep => (opened.First(s => s.Scenario == deep.Scenario && s.Dispute.Kind == deep.Kind), (IReadOnlyList<string>?)deep.Script)),
        ];
        var reports = new ExplorationReport[starts.Count];
        Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => reports[i] = Explorer.Explore(starts[i].Subject, Bounds with { Seed = i + 1 }, s => s.Dispute.State.ToString(), starts[i].Script));
        var report = new ExplorationReport();
        foreach (var one in reports)
        {
            report.Add(one);
        }

        var summary = Summary(report, opened.Count, refused, clock.Elapsed);
        output.WriteLine(summary);
        Directory.CreateDirectory(Path.Combine(Repository.Root, "TestResults"));
        File.WriteAllText(Path.Combine(Repository.Root, "TestResults", "soundness.txt"), summary);

        report.Violations.Should().BeEmpty(string.Join("\n\n", report.Violations.Take(10)));
        foreach (var flow in DisputeFlows.Catalog.All)
        {
            var kind = opened.First(s => s.Dispute.FlowId == flow.Id).Kind;
            report.Reached[kind].Should().BeEquivalentTo(flow.States.Select(s => s.State.ToString()),
                "the exploration of {0} must reach every state of its flow, or it proves nothing about the ones it misses", flow.Id);
        }
    }

    private static string Summary(ExplorationReport report, int opened, IReadOnlyList<string> refused, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"soundness: {report.Configurations} distinct configurations, {report.Transitions} transitions, {report.Attempts} moves tried, from {opened} opened cases and {Scenarios.DeepStarts.Count} deep starts ({(s_full ? "full" : "CI")} bounds, {elapsed.TotalSeconds:0.0} s), {report.Violations.Count} violations");
        foreach (var (kind, longest) in report.LongestSilence.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  longest silent path, {kind}: {longest.TotalDays:0.#} days");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  requests the policies refused at opening ({refused.Count}):");
        foreach (var refusal in refused)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {refusal}");
        }

        return text.ToString();
    }
}
