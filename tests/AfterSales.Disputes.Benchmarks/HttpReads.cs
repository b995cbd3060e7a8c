using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// R1 and R2: reads over HTTP from the host E3 wrote to, beside the framework's own floor on the same host and
/// connections: an authenticated GET of a static answer (<c>/api/v1/flows</c>: the token checked, the rate limit
/// counted, nothing read from the database). R1 reads one dispute (the store's view, with its allowed actions); R2
/// reads it with <c>If-None-Match</c> holding the ETag it has, which a host that knows the dispute has not changed
/// answers 304 without a body.
/// </summary>
internal sealed class HttpReads(HttpClient seller, IReadOnlyList<(string Id, string ETag)> disputes)
{
    private long _next;
    private long _errors;
    private ConcurrentQueue<double> _latencies = new();

    /// <summary>What is read.</summary>
    public enum Read
    {
        /// <summary>The static answer, the host's floor.</summary>
        Static,

        /// <summary>One dispute, in turn.</summary>
        Dispute,

        /// <summary>One dispute with If-None-Match its current ETag.</summary>
        DisputeUnchanged,
    }

    /// <summary>Answers other than the one expected (200, or 304 for R2).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public static async Task<HttpReads> StartAsync(ApiHost host, IReadOnlyList<string> disputeIds)
    {
        var seller = await host.ClientAsync("seller", ApiHost.Store);
        var disputes = new List<(string, string)>();
        foreach (var id in disputeIds)
        {
            using var current = await seller.GetAsync(new Uri($"/api/v1/disputes/{id}", UriKind.Relative));
            await ApiHost.ExpectAsync(current, HttpStatusCode.OK);
            disputes.Add((id, current.Headers.ETag!.Tag));
        }

        return new HttpReads(seller, disputes);
    }

    /// <summary>Requests per second and the p99 latency (ms) of <paramref name="clients"/> closed loops sending <paramref name="read"/>, after a warm-up.</summary>
    public async Task<(double PerSecond, double P99)> MeasureAsync(TimeSpan budget, int clients, Read read, TimeSpan warmUp)
    {
        await Measure.RunConcurrentlyForAsync(warmUp, clients, _ => SendAsync(read));
        _latencies = new();
        var perSecond = await Measure.RunConcurrentlyForAsync(budget, clients, _ => SendAsync(read));
        var sorted = _latencies.ToArray();
        Array.Sort(sorted);
        return (perSecond, HttpTransitions.Percentile(sorted, 99));
    }

    private async Task SendAsync(Read read)
    {
        var (id, etag) = disputes[(int)(Interlocked.Increment(ref _next) % disputes.Count)];
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(read == Read.Static ? "/api/v1/flows" : $"/api/v1/disputes/{id}", UriKind.Relative));
        if (read == Read.DisputeUnchanged)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        var clock = Stopwatch.StartNew();
        using var response = await seller.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        _latencies.Enqueue(clock.Elapsed.TotalMilliseconds);
        if (response.StatusCode != (read == Read.DisputeUnchanged ? HttpStatusCode.NotModified : HttpStatusCode.OK))
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
