using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Disputes;

/// <summary>A warranty repair application.</summary>
/// <param name="Model">The device model.</param>
/// <param name="SerialNumber">The device's serial number.</param>
/// <param name="FaultCode">A code for the fault, used to recognise the same fault coming back.</param>
/// <param name="FaultDescription">What happens, in the buyer's words.</param>
/// <param name="ProofOfPurchaseId">The uploaded proof of purchase (invoice), if any.</param>
/// <param name="MediaIds">Photos or video of the fault.</param>
public sealed record RepairApplication(
    string Model,
    string SerialNumber,
    string FaultCode,
    string FaultDescription,
    string? ProofOfPurchaseId,
    IReadOnlyList<string> MediaIds);

/// <summary>What a buyer submits to open a request.</summary>
/// <param name="DisputeId">The id the new dispute gets (the caller generates it, so retries are idempotent).</param>
/// <param name="BuyerId">The buyer opening it.</param>
/// <param name="LineId">The order line it is about.</param>
/// <param name="Kind">What the buyer asks for.</param>
/// <param name="Reason">Why.</param>
/// <param name="Description">In the buyer's words.</param>
/// <param name="RequestedRefund">The refund asked for, for kinds that pay money; null for exchanges and repairs.</param>
/// <param name="ClaimsShipping">Whether the refund includes the order's shipping fee (only one request per order can).</param>
/// <param name="Condition">The state of the goods, as the buyer declares it.</param>
/// <param name="FaultCause">For repairs, the cause, if the buyer knows it.</param>
/// <param name="EvidenceIds">Uploaded photos, videos or documents.</param>
/// <param name="IncludedLineIds">Other lines sent back with this one (free gifts).</param>
/// <param name="Repair">For repairs, the application.</param>
/// <param name="Quantity">How many units of <paramref name="LineId"/> the request is about; null for all of them (one for a repair).</param>
/// <param name="OtherLines">More lines of the same order in the same request, each with its units (the mouse and the keyboard).</param>
/// <param name="Variant">For an exchange, the variant asked for instead of the same item (another colour or size).</param>
public sealed record OpenDisputeRequest(
    string DisputeId,
    string BuyerId,
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
    ProductVariant? Variant = null) : IReferencesFiles
{
    /// <summary>The uploaded files the request names: its evidence, and the repair application's proof of purchase and fault media.</summary>
    public IEnumerable<FileReference> FileReferences() =>
    [
        .. (EvidenceIds ?? []).Select(id => new FileReference(id, FileUse.Evidence)),
        .. Repair?.ProofOfPurchaseId is { } proof ? [new FileReference(proof, FileUse.ProofOfPurchase)] : Array.Empty<FileReference>(),
        .. (Repair?.MediaIds ?? []).Select(id => new FileReference(id, FileUse.FaultMedia)),
    ];
}

/// <summary>
/// The first timeline event's details: the request as opened, and everything frozen with it (the
/// policy and its version, the eligibility decision, the refund ceiling).
/// </summary>
/// <param name="Request">The request as the buyer opened it.</param>
/// <param name="OrderId">The order.</param>
/// <param name="StoreId">The store that sold it.</param>
/// <param name="OrderShipped">Whether the order had shipped (it decides the seller's response window).</param>
/// <param name="Policy">The effective policy, frozen.</param>
/// <param name="Eligibility">The eligibility decision with its trace.</param>
/// <param name="ItemCeiling">The most that can still be refunded for the request's lines.</param>
/// <param name="ShippingCeiling">The shipping fee this request may refund (zero unless it claims it).</param>
/// <param name="FlowId">The flow the dispute follows.</param>
/// <param name="FlowVersion">The version of that flow.</param>
/// <param name="Lines">The lines and units the request holds, each with its ceiling; null in requests opened before quantities existed.</param>
/// <param name="OnSiteService">Whether a repair is done on site: the line came with on-site service and its brand warranty offers it.</param>
/// <param name="ChargesFees">
/// Whether an accepted repair fee is charged through the platform's payment service before the repair (false in
/// requests opened before payments existed, which go straight to the repair).
/// </param>
public sealed record DisputeOpened(
    OpenDisputeRequest Request,
    string OrderId,
    string StoreId,
    bool OrderShipped,
    EffectivePolicy Policy,
    EligibilityDecision Eligibility,
    Amount ItemCeiling,
    Amount ShippingCeiling,
    string FlowId,
    int FlowVersion,
    IReadOnlyList<DisputedLine>? Lines = null,
    bool OnSiteService = false,
    bool ChargesFees = false) : DisputeEventData
{
    internal override DisputeResult ApplyTo(Dispute dispute, Actor actor, DisputeAction action, DateTimeOffset at) =>
        throw new InvalidOperationException("A dispute is opened once, by its first event.");
}
