namespace AfterSales.Disputes.Disputes;

/// <summary>Why the buyer asks.</summary>
public enum RequestReason
{
    /// <summary>No reason needed: the buyer changed their mind (a no-reason return).</summary>
    NoReason,

    /// <summary>The order was never shipped.</summary>
    NotShipped,

    /// <summary>The order shipped but never arrived.</summary>
    NotReceived,

    /// <summary>Parts or accessories are missing.</summary>
    MissingParts,

    /// <summary>The item is faulty.</summary>
    Defective,

    /// <summary>The item differs from its description.</summary>
    NotAsDescribed,

    /// <summary>A different item was sent.</summary>
    WrongItem,

    /// <summary>Wrong size or colour.</summary>
    WrongSize,

    /// <summary>Damaged on the way.</summary>
    DamagedInTransit,
}
