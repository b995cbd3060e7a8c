using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.EntityFrameworkCore.Configurations;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// Webhook subscriptions and deliveries: the outbox fans out to a delivery per subscription in one transaction,
/// the deliverer claims due deliveries with a lease (see <see cref="RowLocks"/>) and records each attempt.
/// </summary>
internal sealed class EfWebhookStore : IWebhookStore
{
    private readonly AfterSalesDbContext _db;
    private readonly StoreTransactions _transactions;

    public EfWebhookStore(AfterSalesDbContext db, StoreTransactions transactions)
    {
        _db = db;
        _transactions = transactions;
    }

    public Task AddSubscriptionAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return _transactions.RunAsync(async () =>
        {
            _db.WebhookSubscriptions.Add(new WebhookSubscriptionRow
            {
                Id = subscription.Id,
                StoreId = subscription.StoreId,
                ServiceCenterId = subscription.ServiceCenterId,
                BuyerId = subscription.BuyerId,
                Url = subscription.Url.AbsoluteUri,
                Secret = subscription.Secret,
                CreatedAt = subscription.CreatedAt,
            });
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> RemoveSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        _transactions.RunAsync(async () =>
        {
            await _db.WebhookDeliveries.Where(d => d.SubscriptionId == subscriptionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return await _db.WebhookSubscriptions.Where(s => s.Id == subscriptionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);

    public async Task<IReadOnlyList<WebhookSubscription>> SubscriptionsAsync(string? storeId, string? serviceCenterId, string? buyerId, CancellationToken cancellationToken) =>
        [.. (await _db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.StoreId == storeId && s.ServiceCenterId == serviceCenterId && s.BuyerId == buyerId).OrderBy(s => s.CreatedAt)
            .Take(WebhookSubscription.MaxPerOwner).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(Mapping.ToSubscription)];

    public async Task<WebhookSubscription?> FindSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        await _db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken).ConfigureAwait(false) is { } row
            ? Mapping.ToSubscription(row)
            : null;

    public Task<WebhookSubscription?> RotateSecretAsync(string subscriptionId, string secret, DateTimeOffset previousExpiresAt, CancellationToken cancellationToken) =>
        _transactions.RunAsync(async () =>
        {
            if (await _db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken).ConfigureAwait(false) is not { } row)
            {
                return null;
            }

            (row.PreviousSecret, row.PreviousSecretExpiresAt, row.Secret) = (row.Secret, previousExpiresAt, secret);
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return Mapping.ToSubscription(row);
        }, cancellationToken);

    public Task FanOutAsync(IReadOnlyList<OutboxMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return _transactions.RunAsync(async () =>
        {
            // A service center's or a buyer's subscription needs the case's parties, which its summary row holds.
            var disputeIds = messages.Select(m => m.DisputeId).Distinct().ToList();
            var parties = await _db.Disputes.AsNoTracking().Where(d => disputeIds.Contains(d.Id))
                .Select(d => new { d.Id, d.StoreId, d.BuyerId, d.ServiceCenterId })
                .ToDictionaryAsync(d => d.Id, cancellationToken).ConfigureAwait(false);
            // A store's own event (its level changed) goes to its subscriptions and the platform's.
            (string StoreId, string? BuyerId, string? ServiceCenterId)? PartiesOf(OutboxMessage message) =>
                message.Kind == OutboxKind.StoreEvent ? (message.StoreId, null, null)
                : parties.TryGetValue(message.DisputeId, out var dispute) ? (dispute.StoreId, dispute.BuyerId, dispute.ServiceCenterId) : null;
            var stores = parties.Values.Select(d => d.StoreId).Concat(messages.Where(m => m.Kind == OutboxKind.StoreEvent).Select(m => m.StoreId))
                .Distinct().ToList();
            var buyers = parties.Values.Select(d => d.BuyerId).Distinct().ToList();
            var centers = parties.Values.Select(d => d.ServiceCenterId).OfType<string>().Distinct().ToList();
            var eventIds = messages.Select(m => m.Id).ToList();
            var subscriptions = (await _db.WebhookSubscriptions.AsNoTracking()
                .Where(s => (s.StoreId == null && s.ServiceCenterId == null && s.BuyerId == null)
                    || stores.Contains(s.StoreId!) || buyers.Contains(s.BuyerId!) || centers.Contains(s.ServiceCenterId!))
                .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(Mapping.ToSubscription).ToList();
            var existing = subscriptions.Count == 0 ? [] : (await _db.WebhookDeliveries.AsNoTracking().Where(d => eventIds.Contains(d.EventId))
                .Select(d => new { d.EventId, d.SubscriptionId }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(d => (d.EventId, d.SubscriptionId)).ToHashSet();
            _db.WebhookDeliveries.AddRange(
                from message in messages
                let party = PartiesOf(message)
                where party is not null
                from subscription in subscriptions
                where subscription.Receives(party.Value.StoreId, party.Value.BuyerId, party.Value.ServiceCenterId) && !existing.Contains((message.Id, subscription.Id))
                select new WebhookDeliveryRow
                {
                    Id = $"{message.Id}>{subscription.Id}",
                    SubscriptionId = subscription.Id,
                    EventId = message.Id,
                    EventType = message.Type,
                    Payload = message.Payload,
                    Status = DeliveryStatus.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            await _db.Outbox.Where(o => eventIds.Contains(o.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.CompletedAt, now).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken)
                .ConfigureAwait(false);
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken) =>
        _transactions.RunAsync(async () =>
        {
            var due = await _db.WebhookDeliveries
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
                .OrderBy(d => d.NextAttemptAt)
                .ClaimAsync(batchSize, cancellationToken).ConfigureAwait(false);
            var ids = due.Select(d => d.Id).ToList();
            var until = now + lease;
            await _db.WebhookDeliveries.Where(d => ids.Contains(d.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, until), cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<WebhookDelivery>)[.. due.Select(Mapping.ToDelivery)];
        }, cancellationToken);

    public Task RecordAttemptAsync(string deliveryId, DeliveryStatus status, DateTimeOffset nextAttemptAt, DateTimeOffset now, int? statusCode, string? error,
        CancellationToken cancellationToken) =>
        _transactions.RunAsync(() => _db.WebhookDeliveries.Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.NextAttemptAt, nextAttemptAt)
                .SetProperty(d => d.DeliveredAt, status == DeliveryStatus.Delivered ? now : null)
                .SetProperty(d => d.LastStatusCode, statusCode)
                .SetProperty(d => d.LastError, error == null ? null : Lengths.FitText(error))
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string subscriptionId, int limit, CancellationToken cancellationToken) =>
        [.. (await _db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(Mapping.ToDelivery)];

    public async Task<WebhookDelivery?> FindDeliveryAsync(string deliveryId, CancellationToken cancellationToken) =>
        await _db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken).ConfigureAwait(false) is { } row
            ? Mapping.ToDelivery(row)
            : null;

    public async Task<bool> RedeliverAsync(string deliveryId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _transactions.RunAsync(() => _db.WebhookDeliveries.Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, now)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken), cancellationToken).ConfigureAwait(false) > 0;
}
