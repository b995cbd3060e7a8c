using AfterSales.Disputes.Application.Ports;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// The event feed over the timeline table: events in (transaction, position) order, of the transactions the provider
/// knows have ended (<see cref="AfterSalesDbContext.SettledEventsSql"/>), so a cursor only ever moves past events that
/// are already there. Which cases a follower sees is decided at each read: a case that becomes its later (escalated,
/// routed to a service center) shows with every event after its cursor; those the cursor had passed are in the timeline.
/// </summary>
internal sealed class EfEventFeed : IEventFeed
{
    private readonly AfterSalesDbContext _db;

    public EfEventFeed(AfterSalesDbContext db) => _db = db;

    public async Task<EventFeedPage> ReadAsync(EventFeedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var events = _db.DisputeEvents.FromSqlRaw(_db.SettledEventsSql).AsNoTracking();
        if (query.After is { } after)
        {
            events = events.Where(e => e.TransactionId > after.Transaction || (e.TransactionId == after.Transaction && e.Position > after.Number));
        }

        var cases = EfDisputeStore.Parties(_db.Disputes, query.Cases);
        var rows = await events.Where(e => cases.Any(d => d.Id == e.DisputeId))
            .OrderBy(e => e.TransactionId).ThenBy(e => e.Position)
            .Take(Math.Clamp(query.Limit, 1, 200))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var cursor = rows.Count == 0 ? query.After : new FeedPosition(rows[^1].TransactionId, rows[^1].Position);
        return new EventFeedPage([.. rows.Select(Mapping.ToEvent)], cursor);
    }
}
