using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Merchants;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// Scorecards, read from the scorecard columns every dispute save keeps up to date (first response,
/// timeouts, arbitration result, penalties, rating) and from the registered orders.
/// </summary>
internal sealed class EfScorecardReader : IScorecardReader
{
    private readonly AfterSalesDbContext _db;

    public EfScorecardReader(AfterSalesDbContext db) => _db = db;

    public async Task<StoreScorecard> ForStoreAsync(string storeId, CancellationToken cancellationToken)
    {
        var disputes = _db.Disputes.AsNoTracking().Where(d => d.StoreId == storeId);
        var totals = await disputes.GroupBy(d => d.StoreId).Select(g => new
        {
            Requests = g.Count(),
            Timeouts = g.Sum(d => d.SellerTimeouts),
            Penalties = g.Sum(d => d.PenaltyPoints),
            Wins = g.Count(d => d.ArbitrationResult == ArbitrationResult.StoreWon),
            Losses = g.Count(d => d.ArbitrationResult == ArbitrationResult.StoreLost),
            Splits = g.Count(d => d.ArbitrationResult == ArbitrationResult.Split),
            Ratings = g.Count(d => d.RatingStars != null),
            RatingAverage = g.Average(d => (double?)d.RatingStars),
        }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var orders = await _db.Orders.CountAsync(o => o.StoreId == storeId, cancellationToken).ConfigureAwait(false);
        return new StoreScorecard(
            storeId, totals?.Requests ?? 0, orders, await MedianFirstResponseAsync(storeId, cancellationToken).ConfigureAwait(false),
            totals?.Timeouts ?? 0, totals?.Wins ?? 0, totals?.Losses ?? 0, totals?.Splits ?? 0, totals?.Penalties ?? 0,
            totals?.Ratings ?? 0, totals?.RatingAverage);
    }

    public async Task<IReadOnlyList<StorePenalty>> PenaltiesAsync(string storeId, CancellationToken cancellationToken) =>
        [.. (await _db.StorePenalties.AsNoTracking().Where(p => p.StoreId == storeId).ToListAsync(cancellationToken).ConfigureAwait(false))
            .OrderByDescending(p => p.At).ThenByDescending(p => p.Sequence).Select(Mapping.ToPenalty)];

    // The median over disputes the seller answered: the middle one (or the mean of the two middle ones),
    // read through the (StoreId, FirstResponseSeconds) index.
    private async Task<TimeSpan?> MedianFirstResponseAsync(string storeId, CancellationToken cancellationToken)
    {
        var answered = _db.Disputes.AsNoTracking().Where(d => d.StoreId == storeId && d.FirstResponseSeconds != null);
        var count = await answered.CountAsync(cancellationToken).ConfigureAwait(false);
        if (count == 0)
        {
            return null;
        }

        var middle = await answered.OrderBy(d => d.FirstResponseSeconds).Skip((count - 1) / 2).Take(2 - (count % 2))
            .Select(d => d.FirstResponseSeconds!.Value).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TimeSpan.FromSeconds(middle.Average());
    }
}
