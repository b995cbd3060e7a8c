using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Ports;
using System.Text.RegularExpressions;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Scorecards;
using AfterSales.Disputes.Merchants;
using MediatR;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>Store scorecards (the store's own, arbitrators', the platform's) and public reputations (anyone's).</summary>
internal static partial class ScorecardEndpoints
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
            OwnStoreOnly(http, storeId) ?? TypedResults.Ok(await mediator.Send(new GetStoreScorecard(storeId), cancellationToken))).RequireAuthorization(AuthorizationPolicies.StoreFigures).WithTags("Scorecards").WithName("Stores_Scorecard").WithDescription("Requests, dispute rate, median first response, timeouts, arbitration results, penalty points and average rating.")
            .WithSummary("A store's after-sales scorecard (its own store, arbitrators, platform).")
            .Produces<StoreScorecard>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/stores/{storeId}/penalties", async (string storeId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            OwnStoreOnly(http, storeId) ?? TypedResults.Ok(await mediator.Send(new GetStorePenalties(storeId), cancellationToken)))
            .RequireAuthorization(AuthorizationPolicies.StoreFigures).WithTags("Scorecards").WithName("Stores_Penalties")
            .WithSummary("A store's penalty points, each with its cause (its own store, arbitrators, platform).")
            .WithDescription("The points that count now, and every penalty newest first: the case and the timeline event that caused it, the rule (a seller response deadline missed, an arbitration lost, a ruling not carried out, evidence found false, or the arbitrator's own points), the reason, when it stops counting, and whether it still does. An appeal that overturned a ruling took that ruling's points away.")
            .Produces<StorePenaltyRecord>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/stores/{storeId}/assessments", async (string storeId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            OwnStoreOnly(http, storeId) ?? TypedResults.Ok(await mediator.Send(new GetStoreAssessments(storeId), cancellationToken)))
            .RequireAuthorization(AuthorizationPolicies.StoreFigures).WithTags("Scorecards").WithName("Stores_Assessments")
            .WithSummary("A store's periodic assessments, newest first (its own store, arbitrators, platform).")
            .WithDescription("One per period (monthly by default, in the platform's time zone): the store's figures over the period's requests (after-sales rate, median and 90th-percentile first answer, timeout rate, arbitration loss rate, points counting at the period's end, average rating), the level they give (good, warning, restricted), every figure past a threshold, and the level before. A restricted store's new cases follow the platform's restricted policy.")
            .Produces<IReadOnlyList<StoreAssessment>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new AnswersAtMost(120));

        api.MapGet("/assessments", async (string? period, IMediator mediator, CancellationToken cancellationToken) =>
            period is not null && !PeriodName().IsMatch(period)
                ? ApiProblems.Invalid([new ValidationError("period", "A period is a month (2026-11) or an ISO week (2026-W47).")])
                : (IResult)TypedResults.Ok(await mediator.Send(new GetStoreRanking(period), cancellationToken)))
            .RequireAuthorization(AuthorizationPolicies.Arbitration).WithTags("Scorecards").WithName("Assessments_Ranking")
            .WithSummary("Every store's assessment of one period, worst first (arbitrators, platform).")
            .WithDescription("The ranking of the stores by their assessment of a period (`2026-11`; the latest assessed when left out): restricted before warned before good, then by how many figures are past a threshold and by points. Empty before the first assessment.")
            .Produces<IReadOnlyList<StoreAssessment>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithMetadata(new AnswersAtMost(10_000));
    }

    [GeneratedRegex(@"^\d{4}-(\d{2}|W\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodName();

    /// <summary>The platform's views of its after-sales service: service levels and the stores' standing in the running period.</summary>
    public static void MapServiceLevelEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/service-levels", async (IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetServiceLevels(), cancellationToken)))
            .RequireAuthorization(AuthorizationPolicies.Arbitration).WithTags("Scorecards").WithName("ServiceLevels_Read")
            .WithSummary("The platform's service levels now (arbitrators, platform).")
            .WithDescription($"The open cases whose deadline falls due within {ServiceLevelReport.NearDeadlineWindow.TotalHours:0} hours (soonest first, at most {ServiceLevelReport.MaxNearDeadline}), the open backlog by state and age since opening, each arbitrator's open cases in arbitration (the unassigned first), and the median time from escalation to ruling over the last {ServiceLevelReport.RulingWindow.TotalDays:0} days.")
            .Produces<ServiceLevelReport>().ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/assessments/current", async (IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetCurrentStandings(), cancellationToken)))
            .RequireAuthorization(AuthorizationPolicies.Arbitration).WithTags("Scorecards").WithName("Assessments_Current")
            .WithSummary("Every store's standing in the running period so far, worst first (arbitrators, platform).")
            .WithDescription("Each store's figures from the start of the running period up to now, against the platform's thresholds, as its assessment would be if the period ended now; nothing is stored. The period's assessment is made when it ends.")
            .Produces<IReadOnlyList<StoreAssessment>>().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithMetadata(new AnswersAtMost(10_000));
    }

    // A store reads only its own figures; another store's are not found, as if they did not exist.
    private static IResult? OwnStoreOnly(HttpContext http, string storeId)
    {
        var caller = http.Caller();
        return caller.Role == Roles.Seller && caller.PartyId != storeId ? ApiProblems.NotFound("The store") : null;
    }
}
