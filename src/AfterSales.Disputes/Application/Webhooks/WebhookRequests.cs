using System.Security.Cryptography;
using AfterSales.Disputes.Application.Ports;
using MediatR;

namespace AfterSales.Disputes.Application.Webhooks;

/// <summary>Adds a webhook subscription for a store, a service center or a buyer (at most one), or with none for the platform.</summary>
/// <param name="StoreId">The store, or null.</param>
/// <param name="Url">An absolute https URL whose host resolves to public addresses only (<see cref="WebhookTargets"/>).</param>
/// <param name="ServiceCenterId">The service center, or null.</param>
/// <param name="BuyerId">The buyer, or null.</param>
public sealed record AddWebhookSubscription(string? StoreId, Uri Url, string? ServiceCenterId = null, string? BuyerId = null)
    : IRequest<WebhookSubscription>, IValidatable
{
    /// <inheritdoc/>
    public IEnumerable<ValidationError> Validate()
    {
        if (new[] { StoreId, ServiceCenterId, BuyerId }.Count(id => id is not null) > 1)
        {
            yield return new ValidationError("storeId", "A subscription is a store's, a service center's, a buyer's or the platform's: give at most one of them.");
        }

        if (Url is null || !Url.IsAbsoluteUri || Url.Scheme is not ("http" or "https"))
        {
            yield return new ValidationError("url", "A webhook URL is an absolute http or https URL.");
        }
    }
}

/// <summary>
/// Gives a subscription a new secret; the old one keeps signing deliveries beside it for
/// <see cref="AfterSalesOptions.WebhookSecretOverlap"/>, so the receiver can switch without missing one. Null when there
/// is no such subscription.
/// </summary>
/// <param name="SubscriptionId">The subscription.</param>
public sealed record RotateWebhookSecret(string SubscriptionId) : IRequest<WebhookSubscription?>;

/// <summary>Removes a subscription and its deliveries; false when there is no such subscription.</summary>
/// <param name="SubscriptionId">The subscription.</param>
public sealed record RemoveWebhookSubscription(string SubscriptionId) : IRequest<bool>;

/// <summary>The subscriptions of a store, a service center or a buyer (the one id given), or with none the platform's.</summary>
/// <param name="StoreId">The store, or null.</param>
/// <param name="ServiceCenterId">The service center, or null.</param>
/// <param name="BuyerId">The buyer, or null.</param>
public sealed record ListWebhookSubscriptions(string? StoreId, string? ServiceCenterId = null, string? BuyerId = null)
    : IRequest<IReadOnlyList<WebhookSubscription>>;

/// <summary>The subscription with this id, or null.</summary>
/// <param name="SubscriptionId">The subscription.</param>
public sealed record GetWebhookSubscription(string SubscriptionId) : IRequest<WebhookSubscription?>;

/// <summary>The latest deliveries of a subscription.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Limit">How many, 1 to 200.</param>
public sealed record ListWebhookDeliveries(string SubscriptionId, int Limit = 50) : IRequest<IReadOnlyList<WebhookDelivery>>;

/// <summary>The delivery with this id, or null.</summary>
/// <param name="DeliveryId">The delivery.</param>
public sealed record GetWebhookDelivery(string DeliveryId) : IRequest<WebhookDelivery?>;

/// <summary>Sends a delivery again (a dead letter, or on request); false when there is no such delivery.</summary>
/// <param name="DeliveryId">The delivery.</param>
public sealed record RedeliverWebhook(string DeliveryId) : IRequest<bool>;

/// <summary>Handles the webhook requests.</summary>
internal sealed class WebhookRequestHandler :
    IRequestHandler<AddWebhookSubscription, WebhookSubscription>,
    IRequestHandler<RotateWebhookSecret, WebhookSubscription?>,
    IRequestHandler<RemoveWebhookSubscription, bool>,
    IRequestHandler<ListWebhookSubscriptions, IReadOnlyList<WebhookSubscription>>,
    IRequestHandler<GetWebhookSubscription, WebhookSubscription?>,
    IRequestHandler<ListWebhookDeliveries, IReadOnlyList<WebhookDelivery>>,
    IRequestHandler<GetWebhookDelivery, WebhookDelivery?>,
    IRequestHandler<RedeliverWebhook, bool>
{
    private readonly IWebhookStore _webhooks;
    private readonly TimeProvider _time;
    private readonly AfterSalesOptions _options;

    /// <summary>Creates the handler.</summary>
    public WebhookRequestHandler(IWebhookStore webhooks, TimeProvider time, AfterSalesOptions options)
    {
        _webhooks = webhooks;
        _time = time;
        _options = options;
    }

    /// <inheritdoc/>
    public async Task<WebhookSubscription> Handle(AddWebhookSubscription request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await WebhookTargets.RefusalAsync(request.Url, _options.WebhookLoopbackAllowed, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            throw new RequestValidationException(nameof(AddWebhookSubscription), [new ValidationError("url", refusal)]);
        }

        var subscription = new WebhookSubscription(
            "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), request.StoreId, request.Url,
            WebhookSignature.NewSecret(), _time.GetUtcNow(), request.ServiceCenterId, request.BuyerId);
        await _webhooks.AddSubscriptionAsync(subscription, cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    /// <inheritdoc/>
    public Task<WebhookSubscription?> Handle(RotateWebhookSecret request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _webhooks.RotateSecretAsync(request.SubscriptionId, WebhookSignature.NewSecret(), _time.GetUtcNow() + _options.WebhookSecretOverlap, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> Handle(RemoveWebhookSubscription request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _webhooks.RemoveSubscriptionAsync(request.SubscriptionId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WebhookSubscription>> Handle(ListWebhookSubscriptions request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _webhooks.SubscriptionsAsync(request.StoreId, request.ServiceCenterId, request.BuyerId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<WebhookSubscription?> Handle(GetWebhookSubscription request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _webhooks.FindSubscriptionAsync(request.SubscriptionId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WebhookDelivery>> Handle(ListWebhookDeliveries request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _webhooks.DeliveriesAsync(request.SubscriptionId, Math.Clamp(request.Limit, 1, 200), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<WebhookDelivery?> Handle(GetWebhookDelivery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _webhooks.FindDeliveryAsync(request.DeliveryId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> Handle(RedeliverWebhook request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _webhooks.RedeliverAsync(request.DeliveryId, _time.GetUtcNow(), cancellationToken);
    }
}
