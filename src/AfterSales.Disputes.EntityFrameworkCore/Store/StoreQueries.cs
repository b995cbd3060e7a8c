using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// The store's hottest queries, compiled once: a query written in LINQ is otherwise rebuilt and looked up in EF
/// Core's query cache on every execution, which measured as almost half of reading a dispute's new events. One
/// instance per host (a singleton), because a compiled query binds to the model of the first context it runs on,
/// and each host (SQLite or PostgreSQL) has a model of its own.
/// </summary>
internal sealed class StoreQueries
{
    /// <summary>The events of a dispute after a sequence number, oldest first.</summary>
    public Func<AfterSalesDbContext, string, int, IAsyncEnumerable<DisputeEventRow>> EventsAfter { get; } =
        EF.CompileAsyncQuery<AfterSalesDbContext, string, int, DisputeEventRow>((db, disputeId, after) =>
            db.DisputeEvents.AsNoTracking().Where(e => e.DisputeId == disputeId && e.Sequence > after).OrderBy(e => e.Sequence));
}
