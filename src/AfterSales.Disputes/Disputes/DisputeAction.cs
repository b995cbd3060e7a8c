namespace AfterSales.Disputes.Disputes;

/// <summary>Everything a party (or the system) can do on a dispute; the flows say who may do what, when.</summary>
public enum DisputeAction
{
    /// <summary>The buyer opened the request (the first timeline event; not a flow action).</summary>
    Open,

    /// <summary>Seller approves the request as asked.</summary>
    Approve,

    /// <summary>System approves the request after the seller's silence.</summary>
    AutoApprove,

    /// <summary>Seller rejects the request with a reason code.</summary>
    Reject,

    /// <summary>Seller proposes an offer: partial refund, keep the item, exchange or repair instead.</summary>
    ProposeOffer,

    /// <summary>Buyer accepts the seller's offer.</summary>
    AcceptOffer,

    /// <summary>Buyer declines the seller's offer; the seller answers the request again.</summary>
    DeclineOffer,

    /// <summary>Buyer answers an offer or a rejection with new terms; the seller answers them.</summary>
    CounterOffer,

    /// <summary>System closes the request when the buyer leaves an offer unanswered.</summary>
    LapseOffer,

    /// <summary>System closes a rejected request the buyer neither countered nor escalated.</summary>
    CloseUnescalated,

    /// <summary>Buyer withdraws the request.</summary>
    Withdraw,

    /// <summary>Buyer ships the item back.</summary>
    ShipReturn,

    /// <summary>System closes the request when nothing was shipped in time.</summary>
    CloseUnshipped,

    /// <summary>Seller confirms receipt of the return and reports its condition.</summary>
    ConfirmReceipt,

    /// <summary>System confirms receipt after the seller's silence.</summary>
    AutoConfirmReceipt,

    /// <summary>Buyer (or, after silence, the system) accepts the seller's not-intact report.</summary>
    AcceptProblemReport,

    /// <summary>Seller ships the replacement.</summary>
    ShipReplacement,

    /// <summary>System refunds when the seller does not ship the replacement in time.</summary>
    RefundInstead,

    /// <summary>Buyer confirms the replacement arrived as it should.</summary>
    ConfirmReplacement,

    /// <summary>System confirms the replacement after the buyer's silence.</summary>
    AutoConfirmReplacement,

    /// <summary>System records that the refund gateway paid the refund.</summary>
    RecordRefundSuccess,

    /// <summary>System records that the refund gateway failed.</summary>
    RecordRefundFailure,

    /// <summary>System records a refund the gateway did not answer within the refund answer window as failed; it is retried.</summary>
    TimeOutRefund,

    /// <summary>System, an arbitrator or the seller retries a failed refund with the same refund id.</summary>
    RetryRefund,

    /// <summary>Buyer sends the device to the service center.</summary>
    ShipDevice,

    /// <summary>Service center receives the device.</summary>
    ReceiveDevice,

    /// <summary>Service center diagnoses the device: covered, or not covered with a quoted fee.</summary>
    Diagnose,

    /// <summary>Buyer accepts the repair fee.</summary>
    AcceptQuote,

    /// <summary>Buyer (or, after silence, the system) declines the fee; the device comes back unrepaired.</summary>
    DeclineQuote,

    /// <summary>Service center reports the device repaired or replaced.</summary>
    CompleteRepair,

    /// <summary>Service center ships the device back to the buyer.</summary>
    ShipDeviceBack,

    /// <summary>Buyer confirms the repaired device works.</summary>
    ConfirmRepair,

    /// <summary>System confirms the repair after the buyer's silence.</summary>
    AutoConfirmRepair,

    /// <summary>Buyer reports the same fault again after a repair.</summary>
    ReportRepeatFault,

    /// <summary>System closes a completed repair when the follow-up period ends.</summary>
    CloseRepair,

    /// <summary>Buyer, entitled after two failed repairs, chooses an exchange.</summary>
    ChooseExchange,

    /// <summary>Buyer (or, after silence, the system) chooses a refund after two failed repairs.</summary>
    ChooseRefund,

    /// <summary>A party escalates to platform arbitration.</summary>
    Escalate,

    /// <summary>System escalates a repair step the service center left past its window.</summary>
    EscalateOverdue,

    /// <summary>System grants a full refund when the assigned arbitrator does not rule within the ruling window.</summary>
    RuleByDefault,

    /// <summary>A party submits evidence.</summary>
    SubmitEvidence,

    /// <summary>System closes the evidence window: both parties submitted, or time ran out.</summary>
    CloseEvidence,

    /// <summary>An arbitrator takes the case.</summary>
    AssignArbitrator,

    /// <summary>The assigned arbitrator asks one party for more evidence.</summary>
    RequestMoreEvidence,

    /// <summary>System ends the wait for more evidence.</summary>
    CloseMoreEvidence,

    /// <summary>The assigned arbitrator rules.</summary>
    Rule,

    /// <summary>A party accepts the ruling, waiving its appeal.</summary>
    AcceptRuling,

    /// <summary>A party appeals the ruling (once).</summary>
    Appeal,

    /// <summary>System executes the ruling when the appeal window ends or both parties accepted it.</summary>
    ExecuteRuling,

    /// <summary>An arbitrator other than the one who ruled takes the appeal.</summary>
    AssignAppealReviewer,

    /// <summary>The appeal reviewer upholds the ruling, which is executed.</summary>
    UpholdRuling,

    /// <summary>The appeal reviewer overturns the ruling with a new one, which is executed.</summary>
    OverturnRuling,

    /// <summary>A party sends a message on the case.</summary>
    SendMessage,

    /// <summary>Buyer rates how the request was handled, 1 to 5.</summary>
    Rate,
}
