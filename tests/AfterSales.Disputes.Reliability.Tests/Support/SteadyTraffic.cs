using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Reliability.Tests.Support;

/// <summary>
/// Sellers answering their disputes at a steady pace over HTTP, as an integration does on a busy day: once per period,
/// on a fixed schedule, each client reads the next of its disputes (round robin, so that no case grows to thousands
/// of messages) and sends a message with its ETag. An answer's latency is
/// counted from its scheduled start, so a host that stalls is not hidden by clients that wait for it politely.
/// </summary>
internal sealed class SteadyTraffic
{
    private readonly ConcurrentQueue<(long ScheduledAt, double Milliseconds)> _answers = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients;

    private SteadyTraffic(IReadOnlyList<(HttpClient Client, IReadOnlyList<string> DisputeIds)> parties, TimeSpan period) =>
        _clients = [.. parties.Select((party, i) => RunAsync(party.Client, party.DisputeIds, period, TimeSpan.FromTicks(period.Ticks * i / parties.Count)))];

    /// <summary>Every answer that was not a 200, with its status and body.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Starts one client per (client, disputes) pair, their schedules spread over the period.</summary>
    public static SteadyTraffic Start(IReadOnlyList<(HttpClient Client, IReadOnlyList<string> DisputeIds)> parties, TimeSpan period) => new(parties, period);

    /// <summary>The current moment, on the clock the answers are stamped with.</summary>
    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>The latencies, in milliseconds, of the answers scheduled from <paramref name="from"/> up to <paramref name="to"/>.</summary>
    public IReadOnlyList<double> Between(long from, long to) => [.. _answers.Where(a => a.ScheduledAt >= from && a.ScheduledAt < to).Select(a => a.Milliseconds)];

    /// <summary>The <paramref name="count"/> slowest answers scheduled from <paramref name="from"/> up to <paramref name="to"/>, and when.</summary>
    public IReadOnlyList<(TimeSpan After, double Milliseconds)> Slowest(long from, long to, int count) =>
        [.. _answers.Where(a => a.ScheduledAt >= from && a.ScheduledAt < to).OrderByDescending(a => a.Milliseconds).Take(count)
            .Select(a => (Stopwatch.GetElapsedTime(from, a.ScheduledAt), a.Milliseconds))];

    /// <summary>The 99th percentile of <paramref name="latencies"/>.</summary>
    public static double P99(IReadOnlyList<double> latencies)
    {
        var sorted = latencies.Order().ToList();
        return sorted[(int)Math.Ceiling(sorted.Count * 0.99) - 1];
    }

    /// <summary>Stops the clients after their current answer.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
    }

    private async Task RunAsync(HttpClient client, IReadOnlyList<string> disputeIds, TimeSpan period, TimeSpan offset)
    {
        var next = Stopwatch.GetTimestamp() + (long)(offset.TotalSeconds * Stopwatch.Frequency);
        var step = (long)(period.TotalSeconds * Stopwatch.Frequency);
        for (var n = 0; !_stop.IsCancellationRequested; n++, next += step)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var disputeId = disputeIds[n % disputeIds.Count];
            using var read = await client.GetAsync($"/api/v1/disputes/{disputeId}");
            if (read.StatusCode != HttpStatusCode.OK)
            {
                _errors.Enqueue($"GET {disputeId}: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");
                continue;
            }

            using var request = HostProcess.ActionRequest(disputeId, "messages", new MessageText($"Still looking into it ({n})"), read.Headers.ETag!.Tag);
            using var written = await client.SendAsync(request);
            _answers.Enqueue((next, Stopwatch.GetElapsedTime(next).TotalMilliseconds));
            if (written.StatusCode != HttpStatusCode.OK)
            {
                _errors.Enqueue($"POST {disputeId}/messages: {(int)written.StatusCode} {await written.Content.ReadAsStringAsync()}");
            }
        }
    }
}
