using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Scorecards;
using MediatR;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>Store scorecards.</summary>
internal static class ScorecardEndpoints
{
    public static void MapScorecardEndpoints(this RouteGroupBuilder api) =>
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
