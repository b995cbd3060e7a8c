namespace AfterSales.Disputes.Policies;

/// <summary>What caused a fault, as far as warranty coverage is concerned.</summary>
public enum FaultCause
{
    /// <summary>A defect in material or workmanship: what warranties cover.</summary>
    MaterialOrWorkmanship,

    /// <summary>Dropped, cracked, bent.</summary>
    PhysicalDamage,

    /// <summary>Water or other liquid got in.</summary>
    LiquidDamage,

    /// <summary>Used against the instructions.</summary>
    Misuse,

    /// <summary>Opened or repaired by someone the brand did not authorise.</summary>
    UnauthorisedRepair,
}
