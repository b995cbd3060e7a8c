using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AfterSales.Disputes.Benchmarks.Micro;

/// <summary>
/// <c>-- --micro [--quick] [BenchmarkDotNet arguments]</c>: the engine's micro-benchmarks with the memory diagnoser.
/// They run in this process (BenchmarkDotNet's in-process toolchain), so nothing is generated or restored.
/// </summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args, bool quick)
    {
        var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance.AddJob(job).WithArtifactsPath(Path.Combine(Path.GetTempPath(), "aftersales-benchmarkdotnet"));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly)
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
