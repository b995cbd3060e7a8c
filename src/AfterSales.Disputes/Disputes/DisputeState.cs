namespace AfterSales.Disputes.Disputes;

/// <summary>The steps of an after-sales request. The four flows share them; each uses those it needs.</summary>
public enum DisputeState
{
    /// <summary>The seller (or for repairs, the brand) reviews the request; silence approves it.</summary>
    AwaitingSellerResponse,

    /// <summary>The seller made an offer; the buyer accepts, declines or counters.</summary>
    AwaitingBuyerOnOffer,

    /// <summary>The seller rejected the request; the buyer may counter, escalate or let it close.</summary>
    RejectedBySeller,

    /// <summary>The buyer is to send the item back with a carrier and tracking number.</summary>
    AwaitingReturnShipment,

    /// <summary>The item is on its way back; the seller confirms receipt and condition, or silence does.</summary>
    AwaitingReturnReceipt,

    /// <summary>The seller reported the returned item not intact, with evidence; the buyer accepts or escalates.</summary>
    ItemProblemReported,

    /// <summary>The seller is to ship a replacement.</summary>
    AwaitingReplacementShipment,

    /// <summary>The replacement is on its way; the buyer confirms, or silence does.</summary>
    AwaitingReplacementConfirmation,

    /// <summary>The refund was requested from the platform's refund gateway.</summary>
    Refunding,

    /// <summary>The refund gateway failed; the refund is retried.</summary>
    RefundFailed,

    /// <summary>
    /// The automatic retries of a refund are used up: it waits in the platform's queue with the failure
    /// shown. The platform or the seller retries it; it is still retried automatically, less often.
    /// </summary>
    RefundEscalated,

    /// <summary>The buyer is to send the device to the service center.</summary>
    AwaitingDeviceShipment,

    /// <summary>On-site service: the service center is to propose a visit slot.</summary>
    AwaitingVisitProposal,

    /// <summary>On-site service: the buyer accepts the proposed slot or asks for another; silence accepts it.</summary>
    AwaitingVisitAnswer,

    /// <summary>On-site service: the technician visits in the agreed slot and reports the diagnosis and the repair.</summary>
    VisitScheduled,

    /// <summary>The device is on its way to the service center.</summary>
    DeviceInTransit,

    /// <summary>The service center has the device and diagnoses it.</summary>
    AwaitingDiagnosis,

    /// <summary>Not covered by warranty: the buyer accepts or declines the quoted fee.</summary>
    AwaitingQuoteDecision,

    /// <summary>The buyer is being charged through the platform's payment service: an accepted repair fee, or the difference for a dearer variant.</summary>
    ChargingBuyer,

    /// <summary>The charge failed; it is retried after a delay, and after the last attempt the device comes back unrepaired (or the same item is sent instead of the variant).</summary>
    ChargeFailed,

    /// <summary>The service center repairs or replaces the device.</summary>
    Repairing,

    /// <summary>The service center sends the device back.</summary>
    ReturningDevice,

    /// <summary>The repaired device is on its way; the buyer confirms, or silence does.</summary>
    AwaitingRepairConfirmation,

    /// <summary>Repaired; a repeat of the fault within the follow-up period reopens the request.</summary>
    RepairCompleted,

    /// <summary>The same fault failed two repairs: the buyer chooses an exchange or a refund.</summary>
    EntitledToExchangeOrRefund,

    /// <summary>Escalated to the platform: both parties submit evidence.</summary>
    CollectingEvidence,

    /// <summary>The arbitrator asked one party for more evidence; the other party's clock is paused.</summary>
    AwaitingMoreEvidence,

    /// <summary>Evidence is in; the assigned arbitrator rules.</summary>
    AwaitingRuling,

    /// <summary>Ruled; either party may appeal once before the ruling is executed.</summary>
    RulingIssued,

    /// <summary>Appealed; a different arbitrator upholds or overturns the ruling.</summary>
    AppealUnderReview,

    /// <summary>The request is over; see the dispute's closure reason. The buyer may rate it.</summary>
    Closed,
}
