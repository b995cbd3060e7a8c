using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Api.Contracts;

/// <summary>What a buyer submits to open a request (the buyer is the token's subject; the id is generated).</summary>
/// <param name="OrderId">The registered order.</param>
/// <param name="LineId">The order line.</param>
/// <param name="Kind">RefundOnly, ReturnAndRefund, Exchange or Repair.</param>
/// <param name="Reason">Why.</param>
/// <param name="Description">In the buyer's words.</param>
/// <param name="RequestedRefund">The refund asked for (refund kinds only).</param>
/// <param name="ClaimsShipping">Whether the refund includes the order's shipping fee.</param>
/// <param name="Condition">The state of the goods, e.g. <c>"OpenedForInspection"</c>.</param>
/// <param name="FaultCause">For repairs, the cause if known.</param>
/// <param name="EvidenceIds">Uploaded evidence files.</param>
/// <param name="IncludedLineIds">Lines sent back with this one (free gifts).</param>
/// <param name="Repair">For repairs, the application.</param>
/// <param name="Quantity">How many units of the line (all when omitted; one for a repair).</param>
/// <param name="OtherLines">More lines of the order in the same request, each with its quantity.</param>
/// <param name="Variant">For an exchange, the variant asked for instead of the same item (another colour or size, at the same price or less).</param>
public sealed record OpenDisputeBody(
    string OrderId,
    string LineId,
    RequestKind Kind,
    RequestReason Reason,
    string Description,
    Amount? RequestedRefund = null,
    bool ClaimsShipping = false,
    ConditionIssue Condition = ConditionIssue.None,
    FaultCause? FaultCause = null,
    IReadOnlyList<string>? EvidenceIds = null,
    IReadOnlyList<string>? IncludedLineIds = null,
    RepairApplication? Repair = null,
    int? Quantity = null,
    IReadOnlyList<RequestedLine>? OtherLines = null,
    ProductVariant? Variant = null)
{
    /// <summary>The domain request for <paramref name="buyerId"/>, with the generated <paramref name="disputeId"/>.</summary>
    public OpenDisputeRequest ToRequest(string disputeId, string buyerId) =>
        new(disputeId, buyerId, LineId, Kind, Reason, Description, RequestedRefund, ClaimsShipping, Condition, FaultCause, EvidenceIds, IncludedLineIds, Repair, Quantity, OtherLines, Variant);
}
