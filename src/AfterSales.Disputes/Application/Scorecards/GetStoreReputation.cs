using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Merchants;
using MediatR;

namespace AfterSales.Disputes.Application.Scorecards;

/// <summary>A store's public reputation, for buyers choosing where to buy: drawn from its scorecard, with no case data.</summary>
/// <param name="StoreId">The store.</param>
public sealed record GetStoreReputation(string StoreId) : IRequest<StoreReputation>;

/// <summary>
/// What any buyer may read about a store's after-sales service before buying or opening a request: its ratings, how
/// often its orders come back as requests (a band, not a count), and how fast it answers. Nothing names or counts a case,
/// and a store with too few orders or answered requests shows no band or time, so no single case can be read from it.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="Level">The level of the store's latest assessment (good, warning, restricted); null until it is assessed.</param>
/// <param name="AverageRating">The buyers' average rating of its after-sales service, 1 to 5, to one decimal; null before any rating.</param>
/// <param name="Ratings">How many buyers rated it.</param>
/// <param name="AfterSalesRate">How many of its orders came back as after-sales requests, as a band.</param>
/// <param name="MedianResponse">The median time to its first answer, to the minute; null with fewer than <see cref="StoreReputation.MinimumRequests"/> requests.</param>
public sealed record StoreReputation(string StoreId, StoreLevel? Level, double? AverageRating, int Ratings, AfterSalesRateBand AfterSalesRate, TimeSpan? MedianResponse)
{
    /// <summary>The fewest orders for which a band is shown.</summary>
    public const int MinimumOrders = 20;

    /// <summary>The fewest requests for which a response time is shown.</summary>
    public const int MinimumRequests = 5;

    /// <summary>The reputation a scorecard gives.</summary>
    public static StoreReputation From(StoreScorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var band = scorecard.RegisteredOrders < MinimumOrders ? AfterSalesRateBand.TooFewOrders
            : scorecard.DisputeRate switch
            {
                < 0.01 => AfterSalesRateBand.Under1Percent,
                < 0.03 => AfterSalesRateBand.From1To3Percent,
                < 0.05 => AfterSalesRateBand.From3To5Percent,
                _ => AfterSalesRateBand.Over5Percent,
            };
        var response = scorecard.Requests >= MinimumRequests && scorecard.MedianFirstResponse is { } median
            ? TimeSpan.FromMinutes(Math.Round(median.TotalMinutes))
            : (TimeSpan?)null;
        return new(scorecard.StoreId, Level: null, scorecard.AverageRating is { } rating ? Math.Round(rating, 1) : null, scorecard.Ratings, band, response);
    }
}

/// <summary>How many of a store's orders come back as after-sales requests.</summary>
public enum AfterSalesRateBand
{
    /// <summary>Fewer than <see cref="StoreReputation.MinimumOrders"/> orders: no band is shown.</summary>
    TooFewOrders,

    /// <summary>Under 1 %.</summary>
    Under1Percent,

    /// <summary>From 1 % to under 3 %.</summary>
    From1To3Percent,

    /// <summary>From 3 % to under 5 %.</summary>
    From3To5Percent,

    /// <summary>5 % or more.</summary>
    Over5Percent,
}

/// <summary>Reads reputations from the scorecards and the latest assessment.</summary>
internal sealed class GetStoreReputationHandler(IScorecardReader scorecards, IStoreAssessmentStore assessments) : IRequestHandler<GetStoreReputation, StoreReputation>
{
    public async Task<StoreReputation> Handle(GetStoreReputation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var latest = await assessments.HistoryAsync(request.StoreId, 1, cancellationToken).ConfigureAwait(false);
        return StoreReputation.From(await scorecards.ForStoreAsync(request.StoreId, cancellationToken).ConfigureAwait(false)) with
        {
            Level = latest.Count == 0 ? null : latest[0].Level,
        };
    }
}
