using System.Text.Json;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using AfterSales.Disputes.Merchants;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// Store assessments, one row per store and period (a unique index, so a second host's insert of the same one fails
/// and is dropped), and the figures they are made from: the summary rows of the period's requests, its orders and the
/// penalty rows.
/// </summary>
internal sealed class EfStoreAssessmentStore : IStoreAssessmentStore
{
    private readonly AfterSalesDbContext _db;
    private readonly StoreTransactions _transactions;

    public EfStoreAssessmentStore(AfterSalesDbContext db, StoreTransactions transactions)
    {
        _db = db;
        _transactions = transactions;
    }

    public async Task<DateTimeOffset?> FirstActivityAsync(CancellationToken cancellationToken)
    {
        var order = await _db.Orders.AsNoTracking().OrderBy(o => o.PlacedAt).Select(o => (DateTimeOffset?)o.PlacedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var request = await _db.Disputes.AsNoTracking().OrderBy(d => d.OpenedAt).Select(d => (DateTimeOffset?)d.OpenedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return order is null ? request : request is null || order < request ? order : request;
    }

    public Task<DateTimeOffset?> LastAssessedEndAsync(CancellationToken cancellationToken) =>
        _db.StoreAssessments.AsNoTracking().OrderByDescending(a => a.PeriodEnd).Select(a => (DateTimeOffset?)a.PeriodEnd)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlySet<string>> AssessedAsync(string period, CancellationToken cancellationToken) =>
        (await _db.StoreAssessments.AsNoTracking().Where(a => a.Period == period).Select(a => a.StoreId)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);

    // The period's requests are read whole for the response-time percentiles (one row of four numbers each); the
    // counts per store come from the database.
    public async Task<IReadOnlyDictionary<string, StoreFigures>> FiguresAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var stores = await _db.Orders.AsNoTracking().Where(o => o.PlacedAt < end).Select(o => o.StoreId)
            .Union(_db.Disputes.AsNoTracking().Where(d => d.OpenedAt < end).Select(d => d.StoreId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var orders = await _db.Orders.AsNoTracking().Where(o => o.PlacedAt >= start && o.PlacedAt < end)
            .GroupBy(o => o.StoreId).Select(g => new { StoreId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.StoreId, g => g.Count, cancellationToken).ConfigureAwait(false);
        var requests = (await _db.Disputes.AsNoTracking().Where(d => d.OpenedAt >= start && d.OpenedAt < end)
            .Select(d => new { d.StoreId, d.FirstResponseSeconds, d.SellerTimeouts, d.ArbitrationResult, d.RatingStars })
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(d => d.StoreId, StringComparer.Ordinal);
        var points = await _db.StorePenalties.AsNoTracking().Where(p => p.At < end && p.ExpiresAt > end)
            .GroupBy(p => p.StoreId).Select(g => new { StoreId = g.Key, Points = g.Sum(p => p.Points) })
            .ToDictionaryAsync(g => g.StoreId, g => g.Points, cancellationToken).ConfigureAwait(false);

        var figures = new Dictionary<string, StoreFigures>(StringComparer.Ordinal);
        foreach (var storeId in stores.Distinct(StringComparer.Ordinal))
        {
            var own = requests[storeId].ToList();
            var answered = own.Select(d => d.FirstResponseSeconds).OfType<long>().Order().ToList();
            var ratings = own.Select(d => d.RatingStars).OfType<int>().ToList();
            figures[storeId] = new StoreFigures(
                orders.GetValueOrDefault(storeId), own.Count, Percentile(answered, 0.5), Percentile(answered, 0.9),
                own.Count(d => d.SellerTimeouts > 0), own.Count(d => d.ArbitrationResult is not null),
                own.Count(d => d.ArbitrationResult == ArbitrationResult.StoreLost), points.GetValueOrDefault(storeId),
                ratings.Count, ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2));
        }

        return figures;
    }

    public async Task<IReadOnlyDictionary<string, StoreLevel>> LevelsAtAsync(DateTimeOffset end, CancellationToken cancellationToken) =>
        await _db.StoreAssessments.AsNoTracking().Where(a => a.PeriodEnd == end).Select(a => new { a.StoreId, a.Level })
            .ToDictionaryAsync(a => a.StoreId, a => a.Level, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

    public async Task<bool> TryAddAsync(StoreAssessment assessment, OutboxMessage? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        try
        {
            await _transactions.RunAsync(async () =>
            {
                _db.StoreAssessments.Add(new StoreAssessmentRow
                {
                    StoreId = assessment.StoreId,
                    Period = assessment.Period,
                    PeriodStart = assessment.PeriodStart,
                    PeriodEnd = assessment.PeriodEnd,
                    Level = assessment.Level,
                    Document = JsonSerializer.Serialize(assessment, DisputeJson.Options),
                    AssessedAt = assessment.AssessedAt,
                });
                if (message is not null)
                {
                    _db.Outbox.Add(Mapping.ToRow(message));
                }

                await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException exception) when (_db.IsUniqueViolation(exception))
        {
            return false; // another host stored this store's assessment of the period first
        }
    }

    public async Task<IReadOnlyList<StoreAssessment>> HistoryAsync(string storeId, int limit, CancellationToken cancellationToken) =>
        [.. (await _db.StoreAssessments.AsNoTracking().Where(a => a.StoreId == storeId).OrderByDescending(a => a.PeriodEnd).Take(limit)
            .Select(a => a.Document).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(Read)];

    public async Task<IReadOnlyList<StoreAssessment>> PeriodAsync(string? period, CancellationToken cancellationToken)
    {
        var name = period ?? await _db.StoreAssessments.AsNoTracking().OrderByDescending(a => a.PeriodEnd).Select(a => a.Period)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return name is null ? [] : [.. (await _db.StoreAssessments.AsNoTracking().Where(a => a.Period == name).Select(a => a.Document)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(Read)];
    }

    public async Task<StoreLevel?> LevelForOrderAsync(string orderId, CancellationToken cancellationToken) =>
        await (from order in _db.Orders.AsNoTracking()
               where order.OrderId == orderId
               join assessment in _db.StoreAssessments.AsNoTracking() on order.StoreId equals assessment.StoreId
               orderby assessment.PeriodEnd descending
               select (StoreLevel?)assessment.Level).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    private static StoreAssessment Read(string document) => JsonSerializer.Deserialize<StoreAssessment>(document, DisputeJson.Options)!;

    // The nearest-rank percentile of sorted seconds; null for none.
    private static TimeSpan? Percentile(List<long> sorted, double share) =>
        sorted.Count == 0 ? null : TimeSpan.FromSeconds(sorted[(int)Math.Ceiling(share * sorted.Count) - 1]);
}
