using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Webhooks;
using MediatR;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>
/// Webhook subscriptions and deliveries: a seller's for its store, a service center's for the repairs routed to it, the
/// platform's for everything or, with a buyer id, for the cases of one buyer (a front end that serves that buyer).
/// </summary>
internal static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");

        webhooks.MapPost("/subscriptions", async (NewSubscription body, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        {
            if (Owner(http.Caller(), body.BuyerId) is not { } owner)
            {
                return (IResult)ApiProblems.Forbidden(http.Caller().Role, body.BuyerId is null ? "subscribe to webhooks" : "subscribe for a buyer");
            }

            if ((await mediator.Send(owner.List, cancellationToken)).Count >= WebhookSubscription.MaxPerOwner)
            {
                return ApiProblems.Problem(StatusCodes.Status409Conflict, "too-many-subscriptions", "Too many subscriptions",
                    $"At most {WebhookSubscription.MaxPerOwner} subscriptions each; remove one first.");
            }

            var subscription = await mediator.Send(new AddWebhookSubscription(owner.List.StoreId, body.Url, owner.List.ServiceCenterId, owner.List.BuyerId), cancellationToken);
            return TypedResults.Created($"/api/v1/webhooks/subscriptions/{subscription.Id}", subscription);
        }).WithName("Webhooks_Subscribe").WithDescription("Events are POSTed signed by the Standard Webhooks scheme: webhook-id (the event id), webhook-timestamp (Unix seconds) and webhook-signature (\"v1,\" and the base64 HMAC-SHA256 of id.timestamp.body, keyed by the base64 after whsec_ of the returned secret; one per secret in use). The URL must be https and resolve to public addresses only (development hosts also take http to loopback).").WithSummary("Subscribe a URL (seller: its store's events; service center: its repairs'; platform: every event, or one buyer's with buyerId). The secret is shown once.")
            .Produces<WebhookSubscription>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        webhooks.MapGet("/subscriptions", async (string? buyerId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            Owner(http.Caller(), buyerId) is { } owner
                ? TypedResults.Ok((await mediator.Send(owner.List, cancellationToken)).Select(Hide).ToList())
                : (IResult)ApiProblems.Forbidden(http.Caller().Role, "list webhook subscriptions"))
            .WithName("Webhooks_Subscriptions").WithDescription($"The subscriptions of the caller's store or service center, the platform's, or (platform, with buyerId) a buyer's; at most {WebhookSubscription.MaxPerOwner}.")
            .WithMetadata(new AnswersAtMost(WebhookSubscription.MaxPerOwner)).WithSummary("The caller's subscriptions (secrets hidden).")
            .Produces<IReadOnlyList<WebhookSubscription>>().ProducesProblem(StatusCodes.Status403Forbidden);

        webhooks.MapDelete("/subscriptions/{subscriptionId}", async (string subscriptionId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        {
            if (await OwnSubscriptionAsync(http, mediator, subscriptionId, "remove webhook subscriptions", cancellationToken) is { } problem)
            {
                return problem;
            }

            await mediator.Send(new RemoveWebhookSubscription(subscriptionId), cancellationToken);
            return TypedResults.NoContent();
        }).WithName("Webhooks_Unsubscribe").WithDescription("Its pending deliveries are dropped; nothing more is sent to the URL.").WithSummary("Remove a subscription (and its deliveries).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/subscriptions/{subscriptionId}/secret-rotation", async (string subscriptionId, HttpContext http, IMediator mediator, AfterSalesOptions engine, CancellationToken cancellationToken) =>
        {
            if (await OwnSubscriptionAsync(http, mediator, subscriptionId, "rotate webhook secrets", cancellationToken) is { } problem)
            {
                return problem;
            }

            var rotated = await mediator.Send(new RotateWebhookSecret(subscriptionId), cancellationToken);
            return rotated is null ? ApiProblems.NotFound("The subscription") : (IResult)TypedResults.Ok(rotated with { PreviousSecret = Hidden });
        }).WithName("Webhooks_RotateSecret")
            .WithDescription("Deliveries carry a signature by each secret in use: the new one, and the old one until previousSecretExpiresAt (24 hours by default), so a receiver switches without missing a delivery.")
            .WithSummary("Give a subscription a new secret (shown once); the old one keeps signing for a while.")
            .Produces<WebhookSubscription>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapGet("/subscriptions/{subscriptionId}/deliveries", async (string subscriptionId, int? limit, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        {
            if (await OwnSubscriptionAsync(http, mediator, subscriptionId, "read webhook deliveries", cancellationToken) is { } problem)
            {
                return problem;
            }

            return TypedResults.Ok(await mediator.Send(new ListWebhookDeliveries(subscriptionId, limit ?? 50), cancellationToken));
        }).WithMetadata(new AnswersAtMost(ContractLimits.MaxPageSize)).WithName("Webhooks_Deliveries").WithDescription("Each event sent to the subscription: status, attempts, next attempt, last HTTP status and error.").WithSummary("The latest deliveries of a subscription, with their attempts and status.")
            .Produces<IReadOnlyList<WebhookDelivery>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/deliveries/{deliveryId}/redeliver", async (string deliveryId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var delivery = await mediator.Send(new GetWebhookDelivery(deliveryId), cancellationToken);
            if (delivery is null)
            {
                return Owner(http.Caller(), null) is null ? ApiProblems.Forbidden(http.Caller().Role, "redeliver webhooks") : ApiProblems.NotFound("The delivery");
            }

            if (await OwnSubscriptionAsync(http, mediator, delivery.SubscriptionId, "redeliver webhooks", cancellationToken) is { } problem)
            {
                return problem;
            }

            await mediator.Send(new RedeliverWebhook(deliveryId), cancellationToken);
            return (IResult)TypedResults.Accepted($"/api/v1/webhooks/subscriptions/{delivery.SubscriptionId}/deliveries");
        }).WithName("Webhooks_Redeliver").WithDescription("Resets the delivery to its first attempt; the worker sends it again, freshly signed.").WithSummary("Send a delivery again from its first attempt (for example after a dead letter).")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    // Whose subscriptions the caller manages: its store's, its service center's, the platform's, or (the platform only)
    // a buyer's. Buyers and arbitrators run no receivers of their own; a buyer's front end subscribes through the platform.
    private static (ListWebhookSubscriptions List, bool Platform)? Owner(Caller caller, string? buyerId) => (caller.Role, buyerId) switch
    {
        (Roles.Seller, null) => (new ListWebhookSubscriptions(caller.PartyId), false),
        (Roles.ServiceCenter, null) => (new ListWebhookSubscriptions(null, ServiceCenterId: caller.PartyId), false),
        (Roles.Platform, null) => (new ListWebhookSubscriptions(null), true),
        (Roles.Platform, { } buyer) => (new ListWebhookSubscriptions(null, BuyerId: buyer), true),
        _ => null,
    };

    private static async Task<IResult?> OwnSubscriptionAsync(HttpContext http, IMediator mediator, string subscriptionId, string doing, CancellationToken cancellationToken)
    {
        if (Owner(http.Caller(), null) is not { } owner)
        {
            return ApiProblems.Forbidden(http.Caller().Role, doing);
        }

        // The platform manages its own subscriptions and the buyers' it made; a store or a service center only its own.
        var subscription = await mediator.Send(new GetWebhookSubscription(subscriptionId), cancellationToken);
        var owns = subscription is not null && subscription.StoreId == owner.List.StoreId && subscription.ServiceCenterId == owner.List.ServiceCenterId
            && (owner.Platform || subscription.BuyerId is null);
        return owns ? null : ApiProblems.NotFound("The subscription");
    }

    private const string Hidden = "(hidden)";

    private static WebhookSubscription Hide(WebhookSubscription subscription) =>
        subscription with { Secret = Hidden, PreviousSecret = subscription.PreviousSecret is null ? null : Hidden };
}

/// <summary>A new webhook subscription.</summary>
/// <param name="Url">An absolute https URL that receives POSTed events; its host resolves to public addresses only.</param>
/// <param name="BuyerId">The platform only: the buyer whose cases' events the URL gets (a front end that serves that buyer).</param>
public sealed record NewSubscription(Uri Url, string? BuyerId = null);
