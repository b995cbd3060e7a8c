using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// E3: the E2 transition (the store sends a message on a waiting dispute) through the real host over HTTP, with
/// the store's bearer token, <c>If-Match</c> with the version from the last answer's ETag, and a fresh
/// <c>Idempotency-Key</c> on every request. A dispute is used by one request at a time, so every answer must be
/// 200: anything else is counted as an error.
/// </summary>
internal sealed class HttpTransitions
{
    private readonly HttpClient _seller;
    private readonly ConcurrentQueue<(string Id, string ETag)> _idle = new();
    private long _errors;

    private HttpTransitions(HttpClient seller) => _seller = seller;

    /// <summary>Answers that were not 200, and requests that found no idle dispute.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public static async Task<HttpTransitions> StartAsync(ApiHost host, IReadOnlyList<string> disputeIds)
    {
        var transitions = new HttpTransitions(await host.ClientAsync("seller", ApiHost.Store));
        foreach (var id in disputeIds)
        {
            var current = await transitions._seller.GetAsync(new Uri($"/api/v1/disputes/{id}", UriKind.Relative));
            await ApiHost.ExpectAsync(current, HttpStatusCode.OK);
            transitions._idle.Enqueue((id, current.Headers.ETag!.Tag));
        }

        return transitions;
    }

    /// <summary>Maximum throughput: <paramref name="clients"/> closed loops, each sending its next request when the last is answered.</summary>
    public Task<double> MaximumAsync(TimeSpan budget, int clients, TimeSpan warmUp) => Measure.ConcurrentRateAsync(budget, clients, _ => SendAsync(), warmUp);

    /// <summary>
    /// Open-loop load: requests start on a fixed schedule of <paramref name="perSecond"/> whether or not earlier
    /// ones were answered, and each latency is measured from when its request was due to start, so a slow answer
    /// delays nothing and hides nothing. Returns the latencies in milliseconds, sorted.
    /// </summary>
    public async Task<double[]> OpenLoopAsync(TimeSpan duration, double perSecond)
    {
        var requests = (int)(duration.TotalSeconds * perSecond);
        var latencies = new double[requests];
        var inFlight = new List<Task>(requests);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due - clock.Elapsed is { } wait && wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                await SendAsync();
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(inFlight);
        Array.Sort(latencies);
        return latencies;
    }

    /// <summary>The latency at <paramref name="percentile"/> (0–100) of sorted latencies, nearest rank.</summary>
    public static double Percentile(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private async Task SendAsync()
    {
        if (!_idle.TryDequeue(out var dispute))
        {
            Interlocked.Increment(ref _errors);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/disputes/{dispute.Id}/messages", UriKind.Relative))
        {
            Content = ApiHost.Json(new { Text = "We are looking into it" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", dispute.ETag);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await _seller.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } etag)
        {
            await response.Content.LoadIntoBufferAsync();
            _idle.Enqueue((dispute.Id, etag.Tag));
        }
        else
        {
            Interlocked.Increment(ref _errors);
            await Console.Error.WriteLineAsync($"  {dispute.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            _idle.Enqueue(dispute); // its version is unknown now; the next request on it will say so
        }
    }
}
