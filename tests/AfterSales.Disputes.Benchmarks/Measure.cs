using System.Diagnostics;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>One measured figure: a value, its unit and what it is.</summary>
internal sealed record Figure(string Name, double Value, string Unit, string Description);

/// <summary>Throughput by repetition: warm up, then count operations for a fixed time.</summary>
internal static class Measure
{
    /// <summary>Operations per second of <paramref name="operation"/>, after a warm-up (see <see cref="WarmUp"/>).</summary>
    public static async Task<double> RateAsync(TimeSpan budget, Func<Task> operation)
    {
        await RunForAsync(WarmUp(budget), operation);
        return await RunForAsync(budget, operation);
    }

    /// <summary>
    /// Operations per second of <paramref name="workers"/> concurrent loops, each calling <paramref name="operation"/>
    /// with its own index, after a warm-up (see <see cref="WarmUp"/>, unless <paramref name="warmUp"/> is longer).
    /// </summary>
    public static async Task<double> ConcurrentRateAsync(TimeSpan budget, int workers, Func<int, Task> operation, TimeSpan warmUp = default)
    {
        await RunConcurrentlyForAsync(warmUp > WarmUp(budget) ? warmUp : WarmUp(budget), workers, operation);
        return await RunConcurrentlyForAsync(budget, workers, operation);
    }

    /// <summary>Operations per second and bytes allocated per operation of a synchronous <paramref name="operation"/>.</summary>
    public static (double PerSecond, double BytesPerOperation) Rate(TimeSpan budget, Action operation)
    {
        RunFor(budget / 5, operation);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (count, elapsed) = RunFor(budget, operation);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return (count / elapsed.TotalSeconds, (double)allocated / count);
    }

    /// <summary>
    /// A fifth of the budget, but at least two seconds: tiered compilation takes that long to recompile EF Core's
    /// and the engine's hot paths with profile-guided optimisation (measured: a 0.6 s warm-up left E2 a third slow).
    /// </summary>
    private static TimeSpan WarmUp(TimeSpan budget) => TimeSpan.FromTicks(Math.Max(budget.Ticks / 5, TimeSpan.FromSeconds(2).Ticks));

    private static async Task<double> RunForAsync(TimeSpan budget, Func<Task> operation)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < budget)
        {
            await operation();
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Operations per second of <paramref name="workers"/> concurrent loops for <paramref name="budget"/>, without a warm-up.</summary>
    public static async Task<double> RunConcurrentlyForAsync(TimeSpan budget, int workers, Func<int, Task> operation)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            long count = 0;
            while (clock.Elapsed < budget)
            {
                await operation(worker);
                count++;
            }

            return count;
        })));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    private static (long Count, TimeSpan Elapsed) RunFor(TimeSpan budget, Action operation)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < budget)
        {
            // Batches of 1 000 keep the clock out of the measurement of sub-microsecond operations.
            for (var i = 0; i < 1_000; i++)
            {
                operation();
            }

            count += 1_000;
        }

        return (count, clock.Elapsed);
    }
}
