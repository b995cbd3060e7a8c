using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Scorecards;
using MediatR;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>Store scorecards (the store's own, arbitrators', the platform's) and public reputations (anyone's).</summary>
internal static class ScorecardEndpoints
{
    public static void MapScorecardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{storeId}/reputation", async (string storeId, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetStoreReputation(storeId), cancellationToken)))
            .WithTags("Scorecards").WithName("Stores_Reputation")
            .WithSummary("A store's public after-sales reputation, for buyers choosing where to buy (any caller).")
            .WithDescription($"The buyers' average rating and how many rated, how often its orders come back as requests (a band; none below {StoreReputation.MinimumOrders} orders) and the median time to its first answer (to the minute; none below {StoreReputation.MinimumRequests} requests), and its assessment level once assessed. No case is named or counted.")
            .Produces<StoreReputation>();

        api.MapGet("/stores/{storeId}/scorecard", async (string storeId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var caller = http.Caller(); // the policy lets in stores, arbitrators and the platform; a store sees only its own
            return caller.Role == Roles.Seller && caller.PartyId != storeId
                ? ApiProblems.NotFound("The store")
                : (IResult)TypedResults.Ok(await mediator.Send(new GetStoreScorecard(storeId), cancellationToken));
        }).RequireAuthorization(AuthorizationPolicies.StoreFigures).WithTags("Scorecards").WithName("Stores_Scorecard").WithDescription("Requests, dispute rate, median first response, timeouts, arbitration results, penalty points and average rating.")
            .WithSummary("A store's after-sales scorecard (its own store, arbitrators, platform).")
            .Produces<StoreScorecard>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }
}
