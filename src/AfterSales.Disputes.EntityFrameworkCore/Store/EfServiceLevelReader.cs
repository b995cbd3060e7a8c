using AfterSales.Disputes.Application.Ports;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>Service levels, read from the open cases' summary rows (their deadline, state, age and arbitrator) and the rulings of the last month.</summary>
internal sealed class EfServiceLevelReader : IServiceLevelReader
{
    private readonly AfterSalesDbContext _db;

    public EfServiceLevelReader(AfterSalesDbContext db) => _db = db;

    public async Task<ServiceLevelReport> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = _db.Disputes.AsNoTracking().Where(d => d.IsOpen);
        var until = now + ServiceLevelReport.NearDeadlineWindow;
        var near = await open.Where(d => d.DeadlineDueAt != null && d.DeadlineDueAt <= until).OrderBy(d => d.DeadlineDueAt).ThenBy(d => d.Id)
            .Take(ServiceLevelReport.MaxNearDeadline)
            .Select(d => new DeadlineNear(d.Id, d.StoreId, d.State, d.DeadlineDueAt!.Value, d.ArbitratorId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Counted per state and age band by the database: four bands, each a count of the rows opened in it.
        var (day, threeDays, week) = (now.AddDays(-1), now.AddDays(-3), now.AddDays(-7));
        var backlog = await open.GroupBy(d => d.State).Select(g => new BacklogByState(
                g.Key,
                g.Count(d => d.OpenedAt > day),
                g.Count(d => d.OpenedAt <= day && d.OpenedAt > threeDays),
                g.Count(d => d.OpenedAt <= threeDays && d.OpenedAt > week),
                g.Count(d => d.OpenedAt <= week)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var workload = await open.Where(d => d.Escalated).GroupBy(d => d.ArbitratorId).Select(g => new ArbitratorWorkload(g.Key, g.Count()))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var since = now - ServiceLevelReport.RulingWindow;
        var rulings = (await _db.Disputes.AsNoTracking().Where(d => d.RuledAt != null && d.RuledAt > since && d.EscalatedAt != null)
            .Select(d => new { Escalated = d.EscalatedAt!.Value, Ruled = d.RuledAt!.Value }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(r => r.Ruled - r.Escalated).Order().ToList();
        TimeSpan? median = rulings.Count == 0 ? null
            : rulings.Count % 2 == 1 ? rulings[rulings.Count / 2] : (rulings[(rulings.Count / 2) - 1] + rulings[rulings.Count / 2]) / 2;

        return new ServiceLevelReport(now, near, [.. backlog.OrderBy(b => b.State)],
            [.. workload.OrderBy(w => w.ArbitratorId is not null).ThenByDescending(w => w.OpenCases).ThenBy(w => w.ArbitratorId, StringComparer.Ordinal)],
            median, rulings.Count);
    }
}
