namespace AfterSales.Disputes.Application.Ports;

/// <summary>
/// A webhook endpoint and whose cases' events it gets: a store's, a service center's (the repairs routed to it), a
/// buyer's (subscribed through the platform, for a front end that serves that buyer), or, with none of the three, the
/// platform's (every event).
/// </summary>
/// <param name="Id">The subscription id.</param>
/// <param name="StoreId">The store whose cases' events it gets, or null.</param>
/// <param name="Url">Where events are POSTed.</param>
/// <param name="Secret">The signing secret (<c>whsec_</c> and the base64 of the HMAC-SHA256 key, Standard Webhooks).</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="ServiceCenterId">The service center whose repairs' events it gets, or null.</param>
/// <param name="BuyerId">The buyer whose cases' events it gets, or null.</param>
/// <param name="PreviousSecret">The secret before the last rotation, which still signs deliveries until <paramref name="PreviousSecretExpiresAt"/>.</param>
/// <param name="PreviousSecretExpiresAt">When the previous secret stops signing.</param>
public sealed record WebhookSubscription(
    string Id, string? StoreId, Uri Url, string Secret, DateTimeOffset CreatedAt, string? ServiceCenterId = null, string? BuyerId = null,
    string? PreviousSecret = null, DateTimeOffset? PreviousSecretExpiresAt = null)
{
    /// <summary>The secrets a delivery at <paramref name="now"/> is signed with: the current one, and the previous one while it lasts.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && now < PreviousSecretExpiresAt ? [Secret, PreviousSecret] : [Secret];

    /// <summary>The most subscriptions one owner (a store, a service center, a buyer, or the platform) has; more are refused, and its list never answers more.</summary>
    public const int MaxPerOwner = 16;

    /// <summary>
    /// Whether an event of a case of <paramref name="storeId"/>, <paramref name="buyerId"/> and (if routed)
    /// <paramref name="serviceCenterId"/> goes to this subscription; a store's own event has no buyer or service center.
    /// </summary>
    public bool Receives(string storeId, string? buyerId, string? serviceCenterId) =>
        StoreId is null && ServiceCenterId is null && BuyerId is null
        || StoreId == storeId
        || (ServiceCenterId is not null && ServiceCenterId == serviceCenterId)
        || (BuyerId is not null && BuyerId == buyerId);
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up after the maximum number of attempts; can be redelivered by hand.</summary>
    DeadLetter,
}

/// <summary>One event to one subscription.</summary>
/// <param name="Id">The delivery id.</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="EventId">The event id (the outbox message id), for the receiver's deduplication.</param>
/// <param name="EventType">The event type.</param>
/// <param name="Payload">The JSON body.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="NextAttemptAt">When it is tried next (while pending).</param>
/// <param name="DeliveredAt">When the receiver accepted it.</param>
/// <param name="LastStatusCode">The receiver's last HTTP status, if it answered.</param>
/// <param name="LastError">What went wrong last.</param>
public sealed record WebhookDelivery(
    string Id,
    string SubscriptionId,
    string EventId,
    string EventType,
    string Payload,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? DeliveredAt = null,
    int? LastStatusCode = null,
    string? LastError = null);

/// <summary>Webhook subscriptions and deliveries.</summary>
public interface IWebhookStore
{
    /// <summary>Adds a subscription.</summary>
    Task AddSubscriptionAsync(WebhookSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Removes a subscription with its deliveries (none is sent after); false when there is no such subscription.</summary>
    Task<bool> RemoveSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>
    /// The subscriptions of a store, a service center or a buyer (the one id given), or with none the platform's, oldest first.
    /// </summary>
    Task<IReadOnlyList<WebhookSubscription>> SubscriptionsAsync(string? storeId, string? serviceCenterId, string? buyerId, CancellationToken cancellationToken);

    /// <summary>The subscription with this id, or null.</summary>
    Task<WebhookSubscription?> FindSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="secret"/> the subscription's secret; the one it replaces keeps signing until
    /// <paramref name="previousExpiresAt"/>. Returns the subscription as it is now, or null when there is none.
    /// </summary>
    Task<WebhookSubscription?> RotateSecretAsync(string subscriptionId, string secret, DateTimeOffset previousExpiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Fans outbox events out to the subscriptions that receive them (<see cref="WebhookSubscription.Receives"/>) and completes the outbox
    /// messages, all in one transaction; doing it twice creates no second delivery.
    /// </summary>
    Task FanOutAsync(IReadOnlyList<OutboxMessage> messages, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="batchSize"/> pending deliveries due at <paramref name="now"/> for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records an attempt's result: delivered, to be retried at a time, or dead-lettered.</summary>
    Task RecordAttemptAsync(string deliveryId, DeliveryStatus status, DateTimeOffset nextAttemptAt, DateTimeOffset now, int? statusCode, string? error, CancellationToken cancellationToken);

    /// <summary>Deliveries of a subscription, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string subscriptionId, int limit, CancellationToken cancellationToken);

    /// <summary>The delivery with this id, or null.</summary>
    Task<WebhookDelivery?> FindDeliveryAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>Sends a delivery again from its first attempt (after a dead letter, or on request).</summary>
    Task<bool> RedeliverAsync(string deliveryId, DateTimeOffset now, CancellationToken cancellationToken);
}
