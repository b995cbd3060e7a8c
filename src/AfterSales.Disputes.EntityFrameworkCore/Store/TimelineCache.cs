using AfterSales.Disputes.Disputes;
using Microsoft.Extensions.Caching.Memory;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// Timelines are append-only: a committed event never changes. So the events a host has read from the
/// database are kept here, and loading a dispute reads only the events appended after the last one kept —
/// usually one or none, instead of the whole timeline. The database stays the truth: events saved by another
/// host are read like any other new events, and nothing written in memory is kept, only what was read back.
/// </summary>
internal sealed class TimelineCache : IDisposable
{
    /// <summary>At most this many events are kept; the least recently used timelines go first.</summary>
    public const int MaxEvents = 500_000;

    private readonly MemoryCache _timelines = new(new MemoryCacheOptions { SizeLimit = MaxEvents, CompactionPercentage = 0.25 });

    /// <summary>The events of <paramref name="disputeId"/> read so far, oldest first; empty when none are kept.</summary>
    public DisputeEvent[] Known(string disputeId) => _timelines.TryGetValue(disputeId, out DisputeEvent[]? events) ? events! : [];

    /// <summary>Keeps <paramref name="timeline"/>, read from the database, as what is known of its dispute.</summary>
    public void Keep(string disputeId, DisputeEvent[] timeline) =>
        _timelines.Set(disputeId, timeline, new MemoryCacheEntryOptions { Size = timeline.Length, SlidingExpiration = TimeSpan.FromMinutes(30) });

    public void Dispose() => _timelines.Dispose();
}
