using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>Orders the platform registers, and what a buyer could ask for on them.</summary>
internal static class OrderEndpoints
{
    public static void MapOrderEndpoints(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");

        orders.MapPost("/", async (Order order, IMediator mediator, CancellationToken cancellationToken) =>
            await mediator.Send(new RegisterOrder(order), cancellationToken) switch
            {
                OrderRegistration.Registered => (IResult)TypedResults.Created($"/api/v1/orders/{order.OrderId}", order),
                OrderRegistration.AlreadyRegistered => TypedResults.Ok(order),
                _ => ApiProblems.Problem(StatusCodes.Status409Conflict, "order-conflict", "Order already registered",
                    $"Order {order.OrderId} is registered with other content; a snapshot cannot be changed."),
            }).RequireAuthorization(AuthorizationPolicies.Platform).WithName("Orders_Register").WithDescription("Stores the platform's snapshot of an order: buyer, store, lines, amounts paid and dates. 201 when new, 200 when the same snapshot is already registered, 409 when another snapshot has this id.").WithSummary("Register an order snapshot (platform); registering the same snapshot again is idempotent.")
            .Produces<Order>(StatusCodes.Status201Created).Produces<Order>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        orders.MapGet("/{orderId}", async (string orderId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            await VisibleOrderAsync(http.Caller(), mediator, orderId, cancellationToken) is { } order ? TypedResults.Ok(order) : (IResult)ApiProblems.NotFound("The order"))
            .WithName("Orders_Get").WithDescription("The registered snapshot, for the platform, the order's buyer and its store; 404 for anyone else.").WithSummary("An order (platform, its buyer, its store).").Produces<Order>().ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapGet("/{orderId}/eligibility", async (string orderId, string lineId, RequestKind kind, RequestReason reason, ConditionIssue? condition,
            FaultCause? faultCause, bool? proofOfPurchase, [FromQuery] string[]? includedLineIds, string? serialNumber, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        {
            if (await VisibleOrderAsync(http.Caller(), mediator, orderId, cancellationToken) is null)
            {
                return (IResult)ApiProblems.NotFound("The order");
            }

            var decision = await mediator.Send(new PreviewEligibility(orderId, lineId, kind, reason, condition ?? ConditionIssue.None, faultCause,
                proofOfPurchase ?? false, includedLineIds, serialNumber), cancellationToken);
            return decision is null ? ApiProblems.NotFound("A policy for the order's store") : TypedResults.Ok(Contracts.DisputeResponse.InCallersLanguage(decision));
        }).RequireAuthorization(AuthorizationPolicies.BuyerOrPlatform).WithName("Orders_PreviewEligibility").WithDescription("Evaluates a request before it is opened: every rule with its reason, the windows that apply and who pays return shipping.").WithSummary("What eligibility would decide for a request, with the rule trace (buyer, platform).")
            .Produces<EligibilityDecision>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Order?> VisibleOrderAsync(Caller caller, IMediator mediator, string orderId, CancellationToken cancellationToken)
    {
        var order = await mediator.Send(new GetOrder(orderId), cancellationToken);
        return order is not null && caller.Role switch
        {
            Roles.Platform => true,
            Roles.Buyer => order.BuyerId == caller.PartyId,
            Roles.Seller => order.StoreId == caller.PartyId,
            _ => false,
        } ? order : null;
    }
}
