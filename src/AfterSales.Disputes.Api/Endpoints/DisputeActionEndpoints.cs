using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Disputes;
using MediatR;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>
/// Every action on a dispute, as <c>POST /api/v1/disputes/{id}/…</c>. Each route names the roles that may call
/// it (403 for others), hides disputes the caller may not see (404), requires <c>If-Match</c> with the
/// dispute's ETag (428 without, 412 when stale), and answers with the dispute and its new ETag.
/// </summary>
internal static class DisputeActionEndpoints
{
    public static void MapDisputeActionEndpoints(this RouteGroupBuilder api)
    {
        var disputes = api.MapGroup("/disputes/{disputeId}").WithTags("Dispute actions");

        // Seller
        Map(disputes, "approve", [Roles.Seller], "approve the request", (c, id) => new ApproveDispute(id, c.PartyId));
        Map<RejectionReason>(disputes, "reject", [Roles.Seller], "reject the request", (c, id, b) => new RejectDispute(id, c.PartyId, b));
        Map<OfferTerms>(disputes, "offers", [Roles.Seller], "propose an offer", (c, id, b) => new ProposeOffer(id, c.PartyId, b));
        Map<ConditionReport>(disputes, "receipt", [Roles.Seller], "confirm receipt", (c, id, b) => new ConfirmReceipt(id, c.PartyId, b));
        Map<ShipmentDetails>(disputes, "replacement-shipment", [Roles.Seller], "ship a replacement", (c, id, b) => new ShipReplacement(id, c.PartyId, b));

        // Buyer
        Map(disputes, "withdraw", [Roles.Buyer], "withdraw the request", (c, id) => new WithdrawDispute(id, c.PartyId));
        Map(disputes, "offer/accept", [Roles.Buyer], "accept an offer", (c, id) => new AcceptOffer(id, c.PartyId));
        Map(disputes, "offer/decline", [Roles.Buyer], "decline an offer", (c, id) => new DeclineOffer(id, c.PartyId));
        Map<OfferTerms>(disputes, "counter-offers", [Roles.Buyer], "counter an offer", (c, id, b) => new CounterOffer(id, c.PartyId, b));
        Map<ShipmentDetails>(disputes, "return-shipment", [Roles.Buyer], "ship the item back", (c, id, b) => new ShipReturn(id, c.PartyId, b));
        Map(disputes, "problem-report/accept", [Roles.Buyer], "accept a problem report", (c, id) => new AcceptProblemReport(id, c.PartyId));
        Map(disputes, "replacement/confirm", [Roles.Buyer], "confirm a replacement", (c, id) => new ConfirmReplacement(id, c.PartyId));
        Map<ShipmentDetails>(disputes, "device-shipment", [Roles.Buyer], "send a device", (c, id, b) => new ShipDevice(id, c.PartyId, b));
        Map(disputes, "quote/accept", [Roles.Buyer], "accept a quote", (c, id) => new AcceptQuote(id, c.PartyId));
        Map(disputes, "quote/decline", [Roles.Buyer], "decline a quote", (c, id) => new DeclineQuote(id, c.PartyId));
        Map(disputes, "repair/confirm", [Roles.Buyer], "confirm a repair", (c, id) => new ConfirmRepair(id, c.PartyId));
        Map<RepeatFault>(disputes, "repeat-faults", [Roles.Buyer], "report a repeat fault", (c, id, b) => new ReportRepeatFault(id, c.PartyId, b));
        Map(disputes, "entitlement/exchange", [Roles.Buyer], "choose an exchange", (c, id) => new ChooseExchange(id, c.PartyId));
        Map(disputes, "entitlement/refund", [Roles.Buyer], "choose a refund", (c, id) => new ChooseRefund(id, c.PartyId));
        Map<RatingInput>(disputes, "rating", [Roles.Buyer], "rate a request", (c, id, b) => new RateDispute(id, c.PartyId, b));

        // Service center
        Map(disputes, "device/receive", [Roles.ServiceCenter], "receive a device", (c, id) => new ReceiveDevice(id, c.PartyId));
        Map<Diagnosis>(disputes, "diagnosis", [Roles.ServiceCenter], "diagnose a device", (c, id, b) => new DiagnoseDevice(id, c.PartyId, b));
        Map<RepairReport>(disputes, "repair/complete", [Roles.ServiceCenter], "complete a repair", (c, id, b) => new CompleteRepair(id, c.PartyId, b));
        Map<ShipmentDetails>(disputes, "device/return-shipment", [Roles.ServiceCenter], "ship a device back", (c, id, b) => new ShipDeviceBack(id, c.PartyId, b));

        // Arbitrator
        Map(disputes, "assignment", [Roles.Arbitrator], "take a case", (c, id) => new AssignArbitrator(id, c.PartyId));
        Map<MoreEvidenceRequest>(disputes, "evidence-requests", [Roles.Arbitrator], "request evidence", (c, id, b) => new RequestMoreEvidence(id, c.PartyId, b));
        Map<RulingTerms>(disputes, "ruling", [Roles.Arbitrator], "rule", (c, id, b) => new RuleDispute(id, c.PartyId, b));
        Map(disputes, "appeal/assignment", [Roles.Arbitrator], "take an appeal", (c, id) => new AssignAppealReviewer(id, c.PartyId));
        Map<ReviewDecision>(disputes, "appeal/uphold", [Roles.Arbitrator], "uphold a ruling", (c, id, b) => new UpholdRuling(id, c.PartyId, b));
        Map<RulingTerms>(disputes, "appeal/overturn", [Roles.Arbitrator], "overturn a ruling", (c, id, b) => new OverturnRuling(id, c.PartyId, b));
        Map(disputes, "refund/retry", [Roles.Arbitrator, Roles.Seller], "retry a refund", (c, id) => new RetryRefund(id, c.Actor));

        // Either party
        Map<EscalationRequest>(disputes, "escalation", [Roles.Buyer, Roles.Seller], "escalate", (c, id, b) => new EscalateDispute(id, c.Actor, b));
        Map<EvidenceSubmission>(disputes, "evidence", [Roles.Buyer, Roles.Seller], "submit evidence", (c, id, b) => new SubmitEvidence(id, c.Actor, b));
        Map(disputes, "ruling/accept", [Roles.Buyer, Roles.Seller], "accept a ruling", (c, id) => new AcceptRuling(id, c.Actor));
        Map<AppealRequest>(disputes, "appeals", [Roles.Buyer, Roles.Seller], "appeal", (c, id, b) => new AppealRuling(id, c.Actor, b));
        Map<MessageText>(disputes, "messages", [Roles.Buyer, Roles.Seller, Roles.Arbitrator, Roles.ServiceCenter], "send messages",
            (c, id, b) => new SendMessage(id, c.Actor, b));
    }

    private static void Map(RouteGroupBuilder group, string route, string[] roles, string what, Func<Caller, string, DisputeCommand> command) =>
        Describe(group.MapPost("/" + route, (string disputeId, HttpContext http, IMediator mediator, TimeProvider time, CancellationToken cancellationToken) =>
            ActAsync(http, mediator, time, disputeId, roles, what, caller => command(caller, disputeId), cancellationToken)), route, roles, what);

    private static void Map<TBody>(RouteGroupBuilder group, string route, string[] roles, string what, Func<Caller, string, TBody, DisputeCommand> command)
        where TBody : notnull =>
        Describe(group.MapPost("/" + route, (string disputeId, TBody body, HttpContext http, IMediator mediator, TimeProvider time, CancellationToken cancellationToken) =>
            ActAsync(http, mediator, time, disputeId, roles, what, caller => command(caller, disputeId, body), cancellationToken)).Accepts<TBody>("application/json"), route, roles, what);

    private static void Describe(RouteHandlerBuilder route, string name, string[] roles, string what) => route
        .WithName("Dispute_" + string.Concat(name.Split('/', '-').Select(part => char.ToUpperInvariant(part[0]) + part[1..])))
        .WithSummary($"{char.ToUpperInvariant(what[0])}{what[1..]} ({string.Join(", ", roles)})")
        .WithDescription("Needs If-Match with the dispute's ETag. Answers with the dispute as the caller now sees it and its new ETag. "
            + "Errors are problem details: 403 for other roles, 404 for disputes the caller may not see, 409 when the action is not allowed now "
            + "(with the allowed actions), 422 for refunds above the maximum, 412 for a stale and 428 for a missing If-Match.")
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

    private static async Task<IResult> ActAsync(HttpContext http, IMediator mediator, TimeProvider time, string disputeId, string[] roles, string what,
        Func<Caller, DisputeCommand> command, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        if (!roles.Contains(caller.Role))
        {
            return ApiProblems.Forbidden(caller.Role, what);
        }

        if (await mediator.VisibleDisputeAsync(caller, disputeId, cancellationToken) is null)
        {
            return ApiProblems.NotFound("The dispute");
        }

        if (!http.Request.HasIfMatch())
        {
            return ApiProblems.PreconditionRequired();
        }

        var result = await mediator.Send(command(caller) with { ExpectedVersion = http.Request.IfMatchVersion() ?? -1 }, cancellationToken);
        if (result.Status != CommandStatus.Succeeded)
        {
            return ApiProblems.From(result);
        }

        http.Response.SetVersion(result.Dispute!.Version);
        return TypedResults.Ok(DisputeResponse.From(result.Dispute, caller.Actor, time.GetUtcNow()));
    }
}
