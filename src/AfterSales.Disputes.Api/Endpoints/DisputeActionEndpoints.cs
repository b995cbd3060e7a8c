using System.Reflection;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Disputes;
using MediatR;
using AfterSales.Disputes.Localization;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>
/// Every action on a dispute, as <c>POST /api/v1/disputes/{id}/…</c>. Each route names the roles that may call
/// it (403 for others), hides disputes the caller may not see (404), requires <c>If-Match</c> with the
/// dispute's ETag (428 without, 412 when stale), and answers with the dispute and its new ETag.
/// </summary>
internal static class DisputeActionEndpoints
{
    // Minimal APIs bind a body by the handler's static parameter type, so a route with details is mapped
    // through MapWithBody closed over the declared details type.
    private static readonly MethodInfo s_mapWithBody = typeof(DisputeActionEndpoints).GetMethod(nameof(MapWithBody), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly (Party Party, string Role)[] s_roles =
        [(Party.Buyer, Roles.Buyer), (Party.Seller, Roles.Seller), (Party.Arbitrator, Roles.Arbitrator), (Party.ServiceCenter, Roles.ServiceCenter)];

    // The routes come from the actions' declarations: a new action gets its route, its OpenAPI entry and its
    // roles (the parties the flows let take it) without a line here.
    public static void MapDisputeActionEndpoints(this RouteGroupBuilder api)
    {
        var disputes = api.MapGroup("/disputes/{disputeId}").WithTags("Dispute actions");
        foreach (var action in DisputeActions.All.Where(a => a.Route is not null))
        {
            var roles = RolesOf(action.Parties);
            if (action.ArgumentType is null)
            {
                Describe(disputes.MapPost("/" + action.Route, (string disputeId, HttpContext http, IMediator mediator, TimeProvider time, CancellationToken cancellationToken) =>
                    ActAsync(http, mediator, time, disputeId, action, roles, details: null, cancellationToken)), action, roles);
            }
            else
            {
                s_mapWithBody.MakeGenericMethod(action.ArgumentType).Invoke(null, [disputes, action, roles]);
            }
        }
    }

    /// <summary>The roles whose callers act as one of <paramref name="parties"/>.</summary>
    public static string[] RolesOf(Party parties) => [.. s_roles.Where(p => parties.HasFlag(p.Party)).Select(p => p.Role)];

    private static void MapWithBody<TBody>(RouteGroupBuilder group, DisputeActionInfo action, string[] roles)
        where TBody : DisputeEventData =>
        Describe(group.MapPost("/" + action.Route, (string disputeId, TBody body, HttpContext http, IMediator mediator, TimeProvider time, CancellationToken cancellationToken) =>
            ActAsync(http, mediator, time, disputeId, action, roles, body, cancellationToken)).Accepts<TBody>("application/json"), action, roles);

    private static void Describe(RouteHandlerBuilder route, DisputeActionInfo action, string[] roles) => route
        .WithName("Dispute_" + string.Concat(action.Route!.Split('/', '-').Select(part => char.ToUpperInvariant(part[0]) + part[1..])))
        .WithSummary($"{char.ToUpperInvariant(action.Summary[0])}{action.Summary[1..]} ({string.Join(", ", roles)})")
        .WithDescription("Needs If-Match with the dispute's ETag. Answers with the dispute as the caller now sees it and its new ETag. "
            + "Errors are problem details: 403 for other roles, 404 for disputes the caller may not see, 409 when the action is not allowed now "
            + "(with the allowed actions), 422 for refunds above the maximum, 412 for a stale and 428 for a missing If-Match.")
        .WithMetadata(new RequiresIfMatch(), new SendsETag())
        .Produces<DisputeResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    // One load of the dispute: the command's handler hides a dispute the caller may not see (404), checks the
    // If-Match version and takes the action on the dispute it loaded.
    private static async Task<IResult> ActAsync(HttpContext http, IMediator mediator, TimeProvider time, string disputeId, DisputeActionInfo action,
        string[] roles, DisputeEventData? details, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        if (!roles.Contains(caller.Role))
        {
            return ApiProblems.Forbidden(caller.Role, DisputeTexts.Label(action.Action));
        }

        if (!http.Request.HasIfMatch())
        {
            return ApiProblems.PreconditionRequired();
        }

        var command = new TakeDisputeAction(disputeId, caller.Actor, action.Action, details) { ExpectedVersion = http.Request.IfMatchVersion() ?? -1 };
        var result = await mediator.Send(command, cancellationToken);
        if (result.Status != CommandStatus.Succeeded)
        {
            return ApiProblems.From(result);
        }

        http.Response.SetVersion(result.Dispute!.Version);
        return TypedResults.Ok(DisputeResponse.From(result.Dispute, caller.Actor, time.GetUtcNow()));
    }
}
