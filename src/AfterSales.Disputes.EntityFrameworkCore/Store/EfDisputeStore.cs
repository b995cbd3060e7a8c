using System.Globalization;
using System.Text;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// Disputes, stored as their event timelines with a summary row: a save appends the new events and moves the
/// summary row from the version its caller loaded, with the deadline and outbox rows, in one transaction.
/// </summary>
internal sealed class EfDisputeStore : IDisputeStore
{
    private readonly AfterSalesDbContext _db;
    private readonly StoreTransactions _transactions;
    private readonly TimelineCache _timelines;
    private readonly StoreQueries _queries;

    // The summary row of each dispute this scope loaded, as stored at the version it was loaded at: a save
    // sets only the columns that changed without replaying the timeline to find the row before.
    private readonly Dictionary<Dispute, (int Version, DisputeRow Row)> _loaded = new(ReferenceEqualityComparer.Instance);

    public EfDisputeStore(AfterSalesDbContext db, StoreTransactions transactions, TimelineCache timelines, StoreQueries queries)
    {
        _db = db;
        _transactions = transactions;
        _timelines = timelines;
        _queries = queries;
    }

    public async Task<Dispute?> FindAsync(string disputeId, CancellationToken cancellationToken)
    {
        // Only the events appended since this host last read the timeline (see TimelineCache).
        var known = _timelines.Known(disputeId);
        var after = known.Length;
        await _transactions.KeepConnectionOpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<DisputeEventRow>();
        await foreach (var row in _queries.EventsAfter(_db, disputeId, after).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            return known.Length == 0 ? null : Loaded(Dispute.Rebuild(known));
        }

        DisputeEvent[] timeline = [.. known, .. rows.Select(Mapping.ToEvent)];
        _timelines.Keep(disputeId, timeline);
        return Loaded(Dispute.Rebuild(timeline));
    }

    private Dispute Loaded(Dispute dispute)
    {
        _loaded[dispute] = (dispute.Version, Mapping.ToRow(dispute));
        return dispute;
    }

    // The stored summary row of a dispute saved from expectedVersion: kept from its load, or (for a dispute
    // this scope did not load) the dispute's at that version, replayed.
    private DisputeRow RowBefore(Dispute dispute, int expectedVersion) =>
        _loaded.TryGetValue(dispute, out var loaded) && loaded.Version == expectedVersion
            ? loaded.Row
            : Mapping.ToRow(Dispute.Rebuild(dispute.Timeline.Take(expectedVersion)));

    public Task<OpenOutcome?> OpenAsync(
        string orderId, Func<OrderRefunds, OpenOutcome> open, Func<Dispute, IReadOnlyList<OutboxMessage>> outbox, CancellationToken cancellationToken) =>
        _transactions.RunAsync(async () =>
        {
            // Hold the order: a second request on the same order waits here and then sees this one.
            await _db.Orders.Where(o => o.OrderId == orderId).Select(o => o.OrderId).HoldAsync(cancellationToken).ConfigureAwait(false);

            var order = await _db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.OrderId == orderId, cancellationToken).ConfigureAwait(false);
            if (order is null)
            {
                return null;
            }

            var events = await _db.DisputeEvents.AsNoTracking()
                .Where(e => _db.Disputes.Any(d => d.OrderId == orderId && d.Id == e.DisputeId))
                .OrderBy(e => e.DisputeId).ThenBy(e => e.Sequence)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var disputes = events.GroupBy(e => e.DisputeId).Select(g => Dispute.Rebuild(g.Select(Mapping.ToEvent))).ToList();
            var outcome = open(OrderRefunds.Of(Mapping.ToOrder(order), disputes));
            if (outcome.Dispute is { } opened)
            {
                // The same writer as every later transition: the summary row, the opening event, the deadline, the outbox.
                var writer = new TransitionWriter(_db)
                    .InsertAll([Mapping.ToRow(opened)])
                    .InsertAll(opened.Timeline.Select(Mapping.ToRow))
                    .InsertAll(new[] { Mapping.ToDeadline(opened) }.OfType<DeadlineRow>())
                    .InsertAll(outbox(opened).Select(Mapping.ToRow));
                try
                {
                    await writer.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (System.Data.Common.DbException exception) when (_db.IsUniqueViolation(exception))
                {
                    // Another request took the same id first.
                    throw new ConcurrencyConflictException(opened.Id, 0, exception);
                }

                await AttachNamedFilesAsync(opened.Id, 0, opened.Timeline, cancellationToken).ConfigureAwait(false);
            }

            return (OpenOutcome?)outcome;
        }, cancellationToken);

    public Task SaveAsync(Dispute dispute, int expectedVersion, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken) =>
        SaveManyAsync([new DisputeChanges(dispute, expectedVersion, outbox)], cancellationToken);

    public async Task<IReadOnlyList<Dispute>> FindManyAsync(IReadOnlyCollection<string> disputeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(disputeIds);
        await _transactions.KeepConnectionOpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await _db.DisputeEvents.AsNoTracking()
            .Where(e => disputeIds.Contains(e.DisputeId))
            .OrderBy(e => e.DisputeId).ThenBy(e => e.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var disputes = new List<Dispute>();
        foreach (var timeline in rows.GroupBy(e => e.DisputeId))
        {
            DisputeEvent[] events = [.. timeline.Select(Mapping.ToEvent)];
            _timelines.Keep(timeline.Key, events);
            disputes.Add(Loaded(Dispute.Rebuild(events)));
        }

        return disputes;
    }

    // Each summary row moves only from the version its caller loaded; the disputes' deadlines are replaced and
    // their new events and outbox messages appended, several rows to a statement. Written by TransitionWriter rather
    // than SaveChanges (see there): on PostgreSQL the whole save is one round trip. The statements are built
    // before the transaction: the row before (kept from the load) and the rows' serialisation need no lock,
    // and on SQLite every other writer of the process waits while one holds the transaction.
    public async Task SaveManyAsync(IReadOnlyList<DisputeChanges> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var writer = new TransitionWriter(_db);
        var after = new DisputeRow[changes.Count];
        var penalized = new List<Dispute>();
        for (var i = 0; i < changes.Count; i++)
        {
            var (dispute, expectedVersion, _) = changes[i];
            after[i] = Mapping.ToRow(dispute);
            var before = RowBefore(dispute, expectedVersion);
            writer.UpdateIfUnchanged(after[i], before);

            // A case's penalty rows are rewritten when its penalties changed: one incurred by a new event, or an
            // overturned ruling's taken away (its points then differ from the row before's).
            if (after[i].PenaltyPoints != before.PenaltyPoints || dispute.Penalties.Any(p => p.Sequence > expectedVersion))
            {
                penalized.Add(dispute);
            }
        }

        writer
            .DeleteAllWhere<StorePenaltyRow>(nameof(StorePenaltyRow.DisputeId), penalized.Select(d => d.Id))
            .InsertAll(penalized.SelectMany(d => d.Penalties).Select(Mapping.ToRow))
            .DeleteAll<DeadlineRow>(changes.Select(c => c.Dispute.Id))
            .InsertAll(changes.SelectMany(c => c.Dispute.Timeline.Skip(c.ExpectedVersion)).Select(Mapping.ToRow))
            .InsertAll(changes.Select(c => Mapping.ToDeadline(c.Dispute)).OfType<DeadlineRow>())
            .InsertAll(changes.SelectMany(c => c.Outbox).Select(Mapping.ToRow));
        await _transactions.RunAsync(async () =>
        {
            try
            {
                await writer.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException exception) when (_db.IsUniqueViolation(exception))
            {
                // Another writer appended the same event number first: its summary row did not move.
                throw Conflict(changes, writer.Returned, exception);
            }

            if (writer.Returned.Count != changes.Count)
            {
                throw Conflict(changes, writer.Returned, null);
            }

            foreach (var (dispute, expectedVersion, _) in changes)
            {
                await AttachNamedFilesAsync(dispute.Id, expectedVersion, dispute.Timeline.Skip(expectedVersion), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);

        // Committed: the next save of the same dispute in this scope moves on from these rows.
        for (var i = 0; i < changes.Count; i++)
        {
            _loaded[changes[i].Dispute] = (changes[i].Dispute.Version, after[i]);
        }
    }

    // The files a dispute's new events name become the dispute's in the same transaction; one that another request took
    // meanwhile, or that the sweep of unused uploads removed, fails the save as a conflict. Most events name none.
    private async Task AttachNamedFilesAsync(string disputeId, int expectedVersion, IEnumerable<DisputeEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.SelectMany(e => e.Data?.Files ?? []).Select(f => f.Id).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var attached = await _db.EvidenceFiles.Where(f => ids.Contains(f.Id) && (f.DisputeId == null || f.DisputeId == disputeId))
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.DisputeId, disputeId), cancellationToken).ConfigureAwait(false);
        if (attached != ids.Count)
        {
            throw new ConcurrencyConflictException(disputeId, expectedVersion);
        }
    }

    // The first dispute whose summary row the save did not move (the transaction is rolled back).
    private static ConcurrencyConflictException Conflict(IReadOnlyList<DisputeChanges> changes, IReadOnlyList<object> moved, Exception? inner)
    {
        var stale = changes.FirstOrDefault(c => !moved.Contains(c.Dispute.Id)) ?? changes[0];
        return new ConcurrencyConflictException(stale.Dispute.Id, stale.ExpectedVersion, inner);
    }

    public async Task<DisputePage> ListAsync(DisputeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = Parties(_db.Disputes.AsNoTracking(), query);
        rows = query.Kind is { } kind ? rows.Where(d => d.Kind == kind) : rows;
        rows = query.OpenedBefore is { } before ? rows.Where(d => d.OpenedAt < before) : rows;
        if (query.States is { Count: > 0 } states)
        {
            rows = rows.Where(d => states.Contains(d.State));
        }

        if (Cursor.TryRead(query.After, out var openedAt, out var afterId))
        {
            rows = rows.Where(d => d.OpenedAt < openedAt || (d.OpenedAt == openedAt && string.Compare(d.Id, afterId) < 0));
        }

        var limit = Math.Clamp(query.Limit, 1, 200);
        var page = await rows.OrderByDescending(d => d.OpenedAt).ThenByDescending(d => d.Id).Take(limit + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = page.Take(limit).Select(Mapping.ToSummary).ToList();
        return new DisputePage(items, page.Count > limit ? Cursor.Write(items[^1].OpenedAt, items[^1].Id) : null);
    }

    /// <summary>The disputes <paramref name="query"/>'s party filters match (the visibility the API sets from a token).</summary>
    public static IQueryable<DisputeRow> Parties(IQueryable<DisputeRow> rows, DisputeQuery query)
    {
        rows = query.StoreId is { } store ? rows.Where(d => d.StoreId == store) : rows;
        rows = query.BuyerId is { } buyer ? rows.Where(d => d.BuyerId == buyer) : rows;
        rows = query.ServiceCenterId is { } center ? rows.Where(d => d.ServiceCenterId == center) : rows;
        rows = query.ArbitratorId is { } arbitrator ? rows.Where(d => d.ArbitratorId == arbitrator) : rows;
        return query.Escalated is { } escalated ? rows.Where(d => d.Escalated == escalated) : rows;
    }

    /// <summary>The opaque paging cursor: the last item's opening time and id.</summary>
    private static class Cursor
    {
        public static string Write(DateTimeOffset openedAt, string id) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{openedAt.UtcTicks}:{id}")))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryRead(string? cursor, out DateTimeOffset openedAt, out string id)
        {
            (openedAt, id) = (default, "");
            if (string.IsNullOrEmpty(cursor))
            {
                return false;
            }

            try
            {
                var base64 = cursor.Replace('-', '+').Replace('_', '/');
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
                var separator = text.IndexOf(':', StringComparison.Ordinal);
                if (separator > 0 && long.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    && ticks <= DateTimeOffset.MaxValue.UtcTicks)
                {
                    (openedAt, id) = (new DateTimeOffset(ticks, TimeSpan.Zero), text[(separator + 1)..]);
                    return true;
                }
            }
            catch (FormatException)
            {
            }

            throw new RequestValidationException(nameof(DisputeQuery), [new ValidationError("after", "The paging cursor is not one this API handed out.")]);
        }
    }
}
