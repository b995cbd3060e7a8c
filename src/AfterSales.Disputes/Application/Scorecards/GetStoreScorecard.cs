using AfterSales.Disputes.Application.Ports;
using MediatR;

namespace AfterSales.Disputes.Application.Scorecards;

/// <summary>A store's after-sales scorecard.</summary>
/// <param name="StoreId">The store.</param>
public sealed record GetStoreScorecard(string StoreId) : IRequest<StoreScorecard>;

/// <summary>Reads scorecards.</summary>
internal sealed class GetStoreScorecardHandler : IRequestHandler<GetStoreScorecard, StoreScorecard>
{
    private readonly IScorecardReader _scorecards;

    /// <summary>Creates the handler.</summary>
    public GetStoreScorecardHandler(IScorecardReader scorecards) => _scorecards = scorecards;

    /// <inheritdoc/>
    public Task<StoreScorecard> Handle(GetStoreScorecard request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _scorecards.ForStoreAsync(request.StoreId, cancellationToken);
    }
}
