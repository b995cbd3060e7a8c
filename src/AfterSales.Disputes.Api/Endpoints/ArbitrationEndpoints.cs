using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>The arbitration queue.</summary>
internal static class ArbitrationEndpoints
{
    private static readonly DisputeState[] s_arbitrationStates =
        [DisputeState.CollectingEvidence, DisputeState.AwaitingMoreEvidence, DisputeState.AwaitingRuling, DisputeState.RulingIssued, DisputeState.AppealUnderReview];

    public static void MapArbitrationEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/arbitration/queue", async ([FromQuery] DisputeState[]? state, string? storeId, DateTimeOffset? openedBefore, bool? mine, string? after, int? limit,
            HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var caller = http.Caller();
            var query = new DisputeQuery(StoreId: storeId, States: state is { Length: > 0 } ? state : s_arbitrationStates, Escalated: true,
                ArbitratorId: mine == true ? caller.PartyId : null, OpenedBefore: openedBefore, After: after, Limit: limit ?? 50);
            return TypedResults.Ok(await mediator.Send(new ListDisputes(query), cancellationToken));
        }).RequireAuthorization(AuthorizationPolicies.Arbitration).WithTags("Arbitration").WithName("Arbitration_Queue").WithDescription("Cases in evidence collection, awaiting a ruling, ruled or under appeal, with the due time of their deadline.")
            .WithSummary("Escalated disputes in arbitration, newest first, with their deadlines; filter by state, store, age or your own cases.")
            .Produces<DisputePage>().ProducesProblem(StatusCodes.Status403Forbidden);
}
