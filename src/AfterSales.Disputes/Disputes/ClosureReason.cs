namespace AfterSales.Disputes.Disputes;

/// <summary>Why a dispute closed.</summary>
public enum ClosureReason
{
    /// <summary>The buyer withdrew it.</summary>
    Withdrawn,

    /// <summary>The refund was paid.</summary>
    Refunded,

    /// <summary>The replacement arrived.</summary>
    Exchanged,

    /// <summary>The device was repaired and the follow-up period passed.</summary>
    Repaired,

    /// <summary>The device came back unrepaired after the buyer declined the fee.</summary>
    ReturnedUnrepaired,

    /// <summary>The arbitrator rejected the claim.</summary>
    ClaimRejected,

    /// <summary>The buyer left the seller's offer unanswered.</summary>
    OfferLapsed,

    /// <summary>The buyer neither countered nor escalated the seller's rejection.</summary>
    NotEscalated,

    /// <summary>Nothing was shipped back in time.</summary>
    NotShippedBack,

    /// <summary>The buyer accepted the seller's not-intact report and no refund remained.</summary>
    ProblemAccepted,
}
