using System.Text.Json;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Localization;

namespace AfterSales.Disputes.Application.Outbox;

/// <summary>
/// The outbox messages new timeline events produce: one webhook event per timeline event, and a refund
/// request whenever the dispute enters <see cref="DisputeState.Refunding"/>, and a charge request whenever it enters
/// <see cref="DisputeState.ChargingBuyer"/>.
/// </summary>
public static class DisputeOutbox
{
    /// <summary>The messages for <paramref name="events"/>, appended to <paramref name="dispute"/>.</summary>
    public static IReadOnlyList<OutboxMessage> For(Dispute dispute, IEnumerable<DisputeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        var messages = new List<OutboxMessage>();
        foreach (var appended in events)
        {
            var payload = new WebhookEvent(
                EventId(appended), EventType(appended.Action), appended.At, dispute.Id, dispute.OrderId, dispute.StoreId, dispute.BuyerId,
                appended.Sequence, appended.Party.ToString(), appended.ActorId, appended.Action, appended.From, appended.To, appended.Data)
            {
                Summaries = DisputeTexts.SupportedCultures.ToDictionary(c => c.Name, c => DisputeTexts.Summary(appended, c)),
            };
            messages.Add(new OutboxMessage(payload.Id, OutboxKind.DisputeEvent, dispute.Id, dispute.StoreId, payload.Type,
                JsonSerializer.Serialize(payload, DisputeJson.Options), appended.At));

            if (appended.To == DisputeState.Refunding && appended.From != DisputeState.Refunding && dispute.Refund is { } refund)
            {
                var order = new RefundOrder(refund.RefundId, dispute.Id, dispute.OrderId, refund.Amount, refund.Attempts);
                messages.Add(new OutboxMessage($"{refund.RefundId}:{refund.Attempts}", OutboxKind.RefundRequested, dispute.Id, dispute.StoreId,
                    "refund.requested", JsonSerializer.Serialize(order, DisputeJson.Options), appended.At));
            }

            // A repeat fault after a paid repair: the fee goes back.
            if (appended.Data is RepeatFault && dispute.Charge is { Status: ChargeStatus.RefundDue } paid)
            {
                var order = new RefundOrder($"{paid.ChargeId}-refund", dispute.Id, dispute.OrderId, paid.Amount, Attempt: 1);
                messages.Add(new OutboxMessage(order.RefundId, OutboxKind.FeeRefundRequested, dispute.Id, dispute.StoreId,
                    "fee-refund.requested", JsonSerializer.Serialize(order, DisputeJson.Options), appended.At));
            }

            if (appended.To == DisputeState.ChargingBuyer && dispute.Charge is { } charge)
            {
                var reason = dispute.Remedy == Remedy.Exchange
                    ? $"Price difference for {dispute.ExchangeVariant?.Description} ({dispute.ExchangeVariant?.Sku}), dispute {dispute.Id}"
                    : $"Repair fee for dispute {dispute.Id}: {dispute.RepairFile?.Diagnosis?.Finding}";
                var order = new ChargeOrder(charge.ChargeId, dispute.Id, dispute.BuyerId, charge.Amount, reason, charge.Attempts);
                messages.Add(new OutboxMessage($"{charge.ChargeId}:{charge.Attempts}", OutboxKind.ChargeRequested, dispute.Id, dispute.StoreId,
                    "charge.requested", JsonSerializer.Serialize(order, DisputeJson.Options), appended.At));
            }
        }

        return messages;
    }

    /// <summary>The stable id of a timeline event: <c>dispute-1:7</c>.</summary>
    public static string EventId(DisputeEvent appended)
    {
        ArgumentNullException.ThrowIfNull(appended);
        return $"{appended.DisputeId}:{appended.Sequence}";
    }

    /// <summary>The webhook type of an action: <c>dispute.approve</c>, <c>dispute.ship-return</c>.</summary>
    public static string EventType(DisputeAction action) =>
        "dispute." + string.Concat(action.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>The body of a dispute webhook.</summary>
/// <param name="Id">The event id, stable across retries, for deduplication.</param>
/// <param name="Type">The event type.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="DisputeId">The dispute.</param>
/// <param name="OrderId">The order.</param>
/// <param name="StoreId">The store.</param>
/// <param name="BuyerId">The buyer.</param>
/// <param name="Sequence">The event's place in the dispute's timeline.</param>
/// <param name="Party">Who acted.</param>
/// <param name="ActorId">Their id.</param>
/// <param name="Action">What was done.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Data">The action's details.</param>
public sealed record WebhookEvent(
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    string DisputeId,
    string OrderId,
    string StoreId,
    string BuyerId,
    int Sequence,
    string Party,
    string ActorId,
    DisputeAction Action,
    DisputeState From,
    DisputeState To,
    DisputeEventData? Data)
{
    /// <summary>
    /// What happened, in a sentence in each supported language, by culture name (<c>en</c>, <c>zh-CN</c>): a webhook has
    /// no request to choose a language by, so the receiver picks the one it shows.
    /// </summary>
    public IReadOnlyDictionary<string, string> Summaries { get; init; } = new Dictionary<string, string>();
}
