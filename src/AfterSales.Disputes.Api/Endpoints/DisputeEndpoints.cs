using System.Security.Cryptography;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Localization;
using AfterSales.Disputes.Orders;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>Opening, reading and listing disputes.</summary>
internal static class DisputeEndpoints
{
    public static void MapDisputeEndpoints(this RouteGroupBuilder api)
    {
        var disputes = api.MapGroup("/disputes").WithTags("Disputes");

        disputes.MapPost("/", async (OpenDisputeBody body, HttpContext http, IMediator mediator, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var caller = http.Caller();
            var id = "dsp_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var result = await mediator.Send(new OpenDispute(body.OrderId, body.ToRequest(id, caller.PartyId)), cancellationToken);
            if (result.Status != CommandStatus.Succeeded)
            {
                return (IResult)(result.Status == CommandStatus.NotFound ? ApiProblems.NotFound("The order") : ApiProblems.From(result));
            }

            http.Response.SetVersion(result.Dispute!.Version);
            return TypedResults.Created($"/api/v1/disputes/{id}", DisputeResponse.From(result.Dispute, caller.Actor, time.GetUtcNow()));
        }).RequireAuthorization(AuthorizationPolicies.Buyer).WithName("Disputes_Open").WithDescription("Opens a request for the buyer in the token on one of their order lines; the policy in force is frozen with it. 422 when not eligible or asking too much.").WithSummary("Open a request on an order line (buyer).").WithMetadata(new SendsETag())
            .Produces<DisputeResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        disputes.MapGet("/", async ([FromQuery] DisputeState[]? state, RequestKind? kind, bool? escalated, DateTimeOffset? openedBefore, string? after, int? limit,
            HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var query = ForCaller(http.Caller(), new DisputeQuery(States: state, Kind: kind, Escalated: escalated, OpenedBefore: openedBefore,
                After: after, Limit: limit ?? 50));
            return TypedResults.Ok(await mediator.Send(new ListDisputes(query), cancellationToken));
        }).WithName("Disputes_List").WithDescription("Buyers see their own, sellers their store's, service centers their repairs, arbitrators escalated cases. Pass nextCursor as after for the next page.").WithSummary("The caller's disputes, newest first, with filters and a cursor.").Produces<DisputePage>();

        disputes.MapGet("/{disputeId}", async (string disputeId, HttpContext http, IMediator mediator, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var caller = http.Caller();
            if (await mediator.VisibleDisputeAsync(caller, disputeId, cancellationToken) is not { } dispute)
            {
                return (IResult)ApiProblems.NotFound("The dispute");
            }

            http.Response.SetVersion(dispute.Version);
            // The ETag is the case's version, the same for every caller and language, while the answer is the caller's
            // own in its language: a browser that kept one caller's answer would revalidate it for another (Chromium
            // does, when Vary differs) and be told 304. So nothing is stored; a client that asks with If-None-Match
            // holds its own answer, and a 304 tells it the case has not changed.
            http.Response.Headers.CacheControl = "no-store";
            var now = time.GetUtcNow();
            // Unchanged: no event since the caller's version, and no deadline fallen due since (which can change
            // what the caller may do before the worker has fired it).
            if (http.Request.AlreadyHas(dispute.Version) && dispute.Deadline?.IsDueAt(now) != true)
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }

            return TypedResults.Ok(DisputeResponse.From(dispute, caller.Actor, now));
        }).WithName("Disputes_Get").WithDescription("The whole case: state, deadline, offers, shipments, refund, repair, arbitration, evidence, messages and the caller's allowed actions. "
            + "With an If-None-Match header holding the ETag last read, an unchanged case (no event since, no deadline fallen due) answers 304 without a body.")
            .WithSummary("A dispute with the actions the caller may take now; its ETag is the version to send in If-Match.").WithMetadata(new SendsETag())
            .Produces<DisputeResponse>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        disputes.MapGet("/{disputeId}/order", async (string disputeId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            await mediator.VisibleDisputeAsync(http.Caller(), disputeId, cancellationToken) is { } dispute
                && await mediator.Send(new GetOrder(dispute.OrderId), cancellationToken) is { } order
                ? TypedResults.Ok(order)
                : (IResult)ApiProblems.NotFound("The dispute"))
            .WithName("Disputes_Order").WithDescription("The order snapshot the dispute was opened against, for everyone who may see the dispute (so an arbitrator sees the order of a case before them, and no other).")
            .WithSummary("The order of a dispute.").Produces<Order>().ProducesProblem(StatusCodes.Status404NotFound);

        disputes.MapGet("/{disputeId}/policy", async (string disputeId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            await mediator.VisibleDisputeAsync(http.Caller(), disputeId, cancellationToken) is { } dispute
                ? TypedResults.Ok(FrozenPolicyResponse.From(dispute.Policy))
                : (IResult)ApiProblems.NotFound("The dispute"))
            .WithName("Disputes_Policy").WithDescription("The policy frozen into the dispute when it was opened — later policy changes never apply to it — as the terms a person reads.")
            .WithSummary("The dispute's frozen policy, term by term.").Produces<FrozenPolicyResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        disputes.MapGet("/{disputeId}/timeline", async (string disputeId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            await mediator.VisibleDisputeAsync(http.Caller(), disputeId, cancellationToken) is { } dispute
                ? TypedResults.Ok(dispute.Timeline)
                : (IResult)ApiProblems.NotFound("The dispute"))
            .WithMetadata(new AnswersAtMost(ContractLimits.MaxTimelineEvents)).WithName("Disputes_Timeline").WithDescription("The immutable events of the case: who did what, from which state to which, when, with which details.").WithSummary("Every event of the dispute, oldest first.")
            .Produces<IReadOnlyList<DisputeEvent>>().ProducesProblem(StatusCodes.Status404NotFound);

        disputes.MapGet("/{disputeId}/allowed-actions", async (string disputeId, HttpContext http, IMediator mediator, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var caller = http.Caller();
            return await mediator.VisibleDisputeAsync(caller, disputeId, cancellationToken) is { } dispute
                ? TypedResults.Ok(dispute.Explain(caller.Actor, time.GetUtcNow()).Select(a => new AllowedAction(a.Action, a.IsAllowed, a.Refusal is { } refusal ? DisputeTexts.Sentence(refusal) : null, DisputeTexts.Label(a.Action))).ToList())
                : (IResult)ApiProblems.NotFound("The dispute");
        }).WithMetadata(new AnswersAtMost(Enum.GetValues<DisputeAction>().Length)).WithName("Disputes_AllowedActions").WithDescription("For each action of the flow, whether the caller may take it now and, if not, the reason in words.").WithSummary("Every action of the flow: whether the caller may take it now, and if not, why.")
            .Produces<IReadOnlyList<AllowedAction>>().ProducesProblem(StatusCodes.Status404NotFound);

        disputes.MapGet("/{disputeId}/messages", async (string disputeId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            await mediator.VisibleDisputeAsync(http.Caller(), disputeId, cancellationToken) is { } dispute
                ? TypedResults.Ok(dispute.Messages)
                : (IResult)ApiProblems.NotFound("The dispute"))
            .WithMetadata(new AnswersAtMost(ContractLimits.MaxTimelineEvents)).WithName("Disputes_Messages").WithDescription("The messages the parties exchanged on the case.").WithSummary("Messages on the case, oldest first.")
            .Produces<IReadOnlyList<CaseMessage>>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Narrows a query to what the caller may see.</summary>
    public static DisputeQuery ForCaller(Caller caller, DisputeQuery query) => caller.Role switch
    {
        Roles.Buyer => query with { BuyerId = caller.PartyId },
        Roles.Seller => query with { StoreId = caller.PartyId },
        Roles.ServiceCenter => query with { ServiceCenterId = caller.PartyId },
        Roles.Arbitrator => query with { Escalated = true },
        Roles.Platform => query,
        _ => query with { BuyerId = "\0" },
    };
}

/// <summary>Whether the caller may take an action now, and if not, why.</summary>
/// <param name="Action">The action.</param>
/// <param name="Allowed">Whether it may be taken now.</param>
/// <param name="Reason">Why not, when not, in the caller's language.</param>
/// <param name="Label">What the action does, in the caller's language (<c>同意申请</c>, <c>approve the request</c>).</param>
public sealed record AllowedAction(DisputeAction Action, bool Allowed, string? Reason, string Label);
