using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>Between domain objects and rows.</summary>
internal static class Mapping
{
    public static DisputeRow ToRow(Dispute dispute)
    {
        var scorecard = dispute.Scorecard;
        return new DisputeRow
        {
            Id = dispute.Id,
            OrderId = dispute.OrderId,
            LineId = dispute.LineId,
            BuyerId = dispute.BuyerId,
            StoreId = dispute.StoreId,
            Kind = dispute.Kind,
            State = dispute.State,
            Version = dispute.Version,
            IsOpen = !dispute.IsClosed,
            ClaimsShipping = dispute.ClaimsShipping,
            OpenedAt = dispute.OpenedAt,
            UpdatedAt = dispute.UpdatedAt,
            DeadlineDueAt = dispute.Deadline is { IsPaused: false } deadline ? deadline.DueAt : null,
            Currency = dispute.Ceiling.Currency.Code,
            RequestedRefundMinor = dispute.RequestedRefund?.MinorUnits,
            Escalated = dispute.Arbitration is not null,
            ArbitratorId = dispute.Arbitration?.ArbitratorId,
            ServiceCenterId = dispute.RepairFile?.ServiceCenterId,
            Closure = dispute.Closure,
            FirstResponseSeconds = scorecard.FirstResponseTime is { } response ? (long)response.TotalSeconds : null,
            SellerTimeouts = scorecard.SellerTimeouts,
            ArbitrationResult = scorecard.Arbitration,
            PenaltyPoints = scorecard.PenaltyPoints,
            RatingStars = scorecard.RatingStars,
            EscalatedAt = dispute.Arbitration?.EscalatedAt,
            RuledAt = dispute.Arbitration?.Rulings is [var first, ..] ? first.At : null,
        };
    }

    public static StorePenaltyRow ToRow(StorePenalty penalty) => new()
    {
        Id = $"{penalty.DisputeId}/{penalty.Sequence}/{penalty.Cause}",
        DisputeId = penalty.DisputeId,
        StoreId = penalty.StoreId,
        Sequence = penalty.Sequence,
        At = penalty.At,
        Cause = penalty.Cause,
        Points = penalty.Points,
        Reason = penalty.Reason,
        ExpiresAt = penalty.ExpiresAt,
        ArbitrationRound = penalty.ArbitrationRound,
    };

    public static StorePenalty ToPenalty(StorePenaltyRow row) =>
        new(row.StoreId, row.DisputeId, row.Sequence, row.At, row.Cause, row.Points, row.Reason, row.ExpiresAt, row.ArbitrationRound);

    public static DisputeSummary ToSummary(DisputeRow row) => new(
        row.Id, row.OrderId, row.LineId, row.BuyerId, row.StoreId, row.Kind, row.State, row.Version, row.OpenedAt, row.UpdatedAt,
        row.DeadlineDueAt, row.RequestedRefundMinor is { } minor ? new Amount(minor, Currency.Of(row.Currency)) : null, row.Escalated, row.ArbitratorId);

    public static DisputeEventRow ToRow(DisputeEvent appended) => new()
    {
        DisputeId = appended.DisputeId,
        Sequence = appended.Sequence,
        At = appended.At,
        Party = appended.Party,
        ActorId = appended.ActorId,
        Action = appended.Action,
        From = appended.From,
        To = appended.To,
        Data = appended.Data is null ? null : DisputeJson.Serialize(appended.Data),
    };

    public static DisputeEvent ToEvent(DisputeEventRow row) => new(
        row.DisputeId, row.Sequence, row.At, row.Party, row.ActorId, row.Action, row.From, row.To,
        row.Data is null ? null : DisputeJson.Deserialize(row.Data));

    public static DeadlineRow? ToDeadline(Dispute dispute) => dispute.Deadline is { IsPaused: false } deadline
        ? new DeadlineRow { DisputeId = dispute.Id, DueAt = deadline.DueAt, ExpiresWith = deadline.ExpiresWith }
        : null;

    public static OutboxRow ToRow(OutboxMessage message) => new()
    {
        Id = message.Id,
        Kind = message.Kind,
        DisputeId = message.DisputeId,
        StoreId = message.StoreId,
        Type = message.Type,
        Payload = message.Payload,
        CreatedAt = message.CreatedAt,
        NextAttemptAt = message.CreatedAt,
    };

    public static OutboxMessage ToMessage(OutboxRow row) =>
        new(row.Id, row.Kind, row.DisputeId, row.StoreId, row.Type, row.Payload, row.CreatedAt);

    public static OrderRow ToRow(Order order) => new()
    {
        OrderId = order.OrderId,
        BuyerId = order.BuyerId,
        StoreId = order.StoreId,
        Region = order.Region,
        Currency = order.Currency.Code,
        ShippingPaidMinor = order.ShippingPaid.MinorUnits,
        PlacedAt = order.PlacedAt,
        ShippedAt = order.ShippedAt,
        DeliveredAt = order.DeliveredAt,
        InvoiceDate = order.InvoiceDate,
        Fingerprint = Fingerprint(order),
        Lines = order.Lines.Select((line, position) => new OrderLineRow
        {
            OrderId = order.OrderId,
            LineId = line.LineId,
            Position = position,
            Sku = line.Sku,
            Title = line.Title,
            Categories = line.Categories,
            UnitPriceMinor = line.UnitPrice.MinorUnits,
            Quantity = line.Quantity,
            PaidMinor = line.Paid.MinorUnits,
            SerialNumber = line.SerialNumber,
            Brand = line.Brand,
            PromotionTags = line.PromotionTags is { Count: > 0 } tags ? string.Join('|', tags) : null,
            GiftForLineId = line.GiftForLineId,
            ExtendedWarrantyMonths = line.ExtendedWarrantyMonths,
            OnSiteService = line.OnSiteService,
        }).ToList(),
    };

    public static Order ToOrder(OrderRow row)
    {
        var currency = Currency.Of(row.Currency);
        return new Order(
            row.OrderId, row.BuyerId, row.StoreId, row.Region, currency,
            [.. row.Lines.OrderBy(l => l.Position).Select(l => new OrderLine(
                l.LineId, l.Sku, l.Title, l.Categories, new Amount(l.UnitPriceMinor, currency), l.Quantity, new Amount(l.PaidMinor, currency),
                l.SerialNumber, l.Brand, l.PromotionTags?.Split('|'), l.GiftForLineId, l.ExtendedWarrantyMonths, l.OnSiteService))],
            new Amount(row.ShippingPaidMinor, currency), row.PlacedAt, row.ShippedAt, row.DeliveredAt, row.InvoiceDate);
    }

    /// <summary>A hash of the whole snapshot, so that registering the same order twice is recognised.</summary>
    public static string Fingerprint(Order order) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(order, DisputeJson.Options))));

    public static WebhookSubscription ToSubscription(WebhookSubscriptionRow row) =>
        new(row.Id, row.StoreId, new Uri(row.Url), row.Secret, row.CreatedAt, row.ServiceCenterId, row.BuyerId, row.PreviousSecret, row.PreviousSecretExpiresAt);

    public static WebhookDelivery ToDelivery(WebhookDeliveryRow row) => new(
        row.Id, row.SubscriptionId, row.EventId, row.EventType, row.Payload, row.Status, row.Attempts, row.NextAttemptAt,
        row.DeliveredAt, row.LastStatusCode, row.LastError);
}
