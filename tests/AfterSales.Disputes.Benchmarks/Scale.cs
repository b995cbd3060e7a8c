using System.Diagnostics;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// E7: reads with many disputes stored. The seeded disputes are copied (<see cref="SeedCopies"/>) over 100 stores,
/// then through <c>IMediator</c> on a freshly started engine: a dispute by id (distinct random ids, so every read
/// goes to the database rather than to timelines the engine already holds) and the first page of one seller's
/// disputes waiting for it, newest first. Each is the median of many reads.
/// </summary>
internal static class Scale
{
    public const int Stores = 100;

    public static async Task<(double GetMs, double PageMs)> MeasureAsync(string file, int seeded, int count, int reads)
    {
        await SeedCopies.MultiplyAsync(file, seeded, count, Stores);
        var copies = (count + seeded - 1) / seeded;
        var random = new Random(7);
        var ids = Enumerable.Range(0, reads * 2)
            .Select(_ => (Dispute: random.Next(seeded), Copy: random.Next(copies)))
            .Distinct().Take(reads)
            .Select(pick => pick.Copy == 0 ? $"dsp-{pick.Dispute}" : $"dsp-{pick.Dispute}-{pick.Copy}")
            .ToList();
        var page = new ListDisputes(new DisputeQuery(StoreId: Marketplace.Store, States: [DisputeState.AwaitingSellerResponse], Limit: 20));

        await using var marketplace = await Marketplace.OpenAsync(file);
        for (var i = 0; i < 50; i++)
        {
            // Warm-up on the seeded disputes, which the measurement below mostly does not read.
            await marketplace.SendAsync(new GetDispute($"dsp-{i % seeded}"));
            await marketplace.SendAsync(page);
        }

        var gets = new double[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var dispute = await marketplace.SendAsync(new GetDispute(ids[i]));
            gets[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (dispute?.Id != ids[i])
            {
                throw new InvalidOperationException($"E7: {ids[i]} was not found among {count} disputes.");
            }
        }

        var pages = new double[reads];
        for (var i = 0; i < reads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var found = await marketplace.SendAsync(page);
            pages[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (found.Items.Count != 20 || found.Items.Any(d => d.StoreId != Marketplace.Store || d.State != DisputeState.AwaitingSellerResponse))
            {
                throw new InvalidOperationException("E7: the seller's first page is not 20 of its own waiting disputes.");
            }
        }

        return (Median(gets), Median(pages));
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }
}
