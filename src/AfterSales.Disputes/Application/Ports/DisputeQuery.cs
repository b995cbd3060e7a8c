using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>
/// Filters for listing disputes, and a cursor for paging. Every filter left null matches everything; the
/// API sets the party filters from the caller's token so a party only ever lists its own cases.
/// </summary>
/// <param name="StoreId">Only this store's disputes.</param>
/// <param name="BuyerId">Only this buyer's disputes.</param>
/// <param name="ServiceCenterId">Only repairs routed to this service center.</param>
/// <param name="States">Only disputes in one of these states.</param>
/// <param name="Kind">Only this kind of request.</param>
/// <param name="Escalated">Only disputes that were (true) or were never (false) escalated.</param>
/// <param name="ArbitratorId">Only disputes assigned to this arbitrator.</param>
/// <param name="OpenedBefore">Only disputes opened before this time.</param>
/// <param name="After">The cursor of the last item of the previous page.</param>
/// <param name="Limit">How many items per page (1 to 200).</param>
public sealed record DisputeQuery(
    string? StoreId = null,
    string? BuyerId = null,
    string? ServiceCenterId = null,
    IReadOnlyList<DisputeState>? States = null,
    RequestKind? Kind = null,
    bool? Escalated = null,
    string? ArbitratorId = null,
    DateTimeOffset? OpenedBefore = null,
    string? After = null,
    int Limit = 50);

/// <summary>One dispute in a list.</summary>
/// <param name="Id">The dispute.</param>
/// <param name="OrderId">The order.</param>
/// <param name="LineId">The order line.</param>
/// <param name="BuyerId">The buyer.</param>
/// <param name="StoreId">The store.</param>
/// <param name="Kind">What was asked for.</param>
/// <param name="State">The current step.</param>
/// <param name="Version">The dispute's version.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="DeadlineDueAt">When the live deadline falls due, if any.</param>
/// <param name="RequestedRefund">The refund asked for, if any.</param>
/// <param name="Escalated">Whether it was ever escalated.</param>
/// <param name="ArbitratorId">The assigned arbitrator, if any.</param>
public sealed record DisputeSummary(
    string Id,
    string OrderId,
    string LineId,
    string BuyerId,
    string StoreId,
    RequestKind Kind,
    DisputeState State,
    int Version,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeadlineDueAt,
    Amount? RequestedRefund,
    bool Escalated,
    string? ArbitratorId);

/// <summary>A page of summaries and the cursor of the next page (null on the last page).</summary>
/// <param name="Items">The summaries.</param>
/// <param name="NextCursor">Pass as <see cref="DisputeQuery.After"/> to get the next page.</param>
public sealed record DisputePage(IReadOnlyList<DisputeSummary> Items, string? NextCursor);
