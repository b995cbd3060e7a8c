using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.Policies;

/// <summary>What a buyer wants to ask for, to check before opening a request.</summary>
/// <param name="Order">The order.</param>
/// <param name="LineId">The line the request is about.</param>
/// <param name="Kind">What the buyer asks for.</param>
/// <param name="Reason">Why.</param>
/// <param name="Condition">The state of the goods, as the buyer declares it.</param>
/// <param name="FaultCause">For repairs, what caused the fault, if known.</param>
/// <param name="HasProofOfPurchase">Whether proof of purchase is attached.</param>
/// <param name="IncludedLineIds">Other lines of the order sent back with this one (gifts).</param>
/// <param name="SerialNumber">The serial number the buyer gives for the item (a repair application's), if any.</param>
/// <param name="Quantity">The units of <paramref name="LineId"/> asked about; null for all.</param>
/// <param name="OtherLines">More lines of the order in the same request, with their units.</param>
public sealed record EligibilityQuery(
    Order Order,
    string LineId,
    RequestKind Kind,
    RequestReason Reason,
    ConditionIssue Condition = ConditionIssue.None,
    FaultCause? FaultCause = null,
    bool HasProofOfPurchase = false,
    IReadOnlyList<string>? IncludedLineIds = null,
    string? SerialNumber = null,
    int? Quantity = null,
    IReadOnlyList<RequestedLine>? OtherLines = null);
