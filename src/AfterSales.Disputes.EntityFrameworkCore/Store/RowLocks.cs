using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// Row locks a query asks for by its tag; a provider that has them (PostgreSQL) adds the locking clause to the
/// tagged query, and one with a single writer (SQLite) needs none, since that writer already serialises writes.
/// </summary>
internal static class RowLocks
{
    /// <summary>Tags a claim: locked rows are skipped, so hosts claim disjoint batches without waiting (<c>FOR UPDATE SKIP LOCKED</c>).</summary>
    public const string SkipLockedTag = "aftersales:lock-skip-locked";

    /// <summary>Tags a hold: the rows are locked for the transaction, and another holder waits (<c>FOR UPDATE</c>).</summary>
    public const string HoldTag = "aftersales:lock-hold";

    /// <summary>
    /// Claims the first <paramref name="batchSize"/> rows of <paramref name="dueInOrder"/>: rows another host's
    /// transaction holds are passed over. The caller sets the lease that others respect after the commit.
    /// </summary>
    public static Task<List<TRow>> ClaimAsync<TRow>(this IQueryable<TRow> dueInOrder, int batchSize, CancellationToken cancellationToken)
        where TRow : class =>
        dueInOrder.Take(batchSize).TagWith(SkipLockedTag).AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>Reads <paramref name="rows"/> and holds them until the transaction ends: a second holder waits here.</summary>
    public static Task<List<TRow>> HoldAsync<TRow>(this IQueryable<TRow> rows, CancellationToken cancellationToken)
        where TRow : class =>
        rows.TagWith(HoldTag).AsNoTracking().ToListAsync(cancellationToken);
}
