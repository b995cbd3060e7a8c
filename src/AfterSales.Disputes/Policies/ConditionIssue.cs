namespace AfterSales.Disputes.Policies;

/// <summary>
/// What may be wrong with returned goods. Opening the package to inspect the item is allowed and
/// does not make it "not intact"; the other issues do.
/// </summary>
[Flags]
public enum ConditionIssue
{
    /// <summary>As delivered.</summary>
    None = 0,

    /// <summary>Opened to inspect the item: still intact.</summary>
    OpenedForInspection = 1,

    /// <summary>The seal of audio-visual media or software is broken.</summary>
    Unsealed = 2,

    /// <summary>Repaired by someone not authorised by the brand.</summary>
    UnauthorisedRepair = 4,

    /// <summary>The serial number was altered or removed.</summary>
    SerialTampered = 8,

    /// <summary>Visible signs of use or wear.</summary>
    VisibleWear = 16,

    /// <summary>Activated, registered or bound to an account.</summary>
    ActivationTraces = 32,

    /// <summary>Physically damaged.</summary>
    Damaged = 64,

    /// <summary>Parts or accessories missing.</summary>
    PartsMissing = 128,
}

/// <summary>Helpers for <see cref="ConditionIssue"/>.</summary>
public static class ConditionIssues
{
    /// <summary>True when the goods count as intact: nothing beyond opening for inspection.</summary>
    public static bool IsIntact(this ConditionIssue issues) => (issues & ~ConditionIssue.OpenedForInspection) == ConditionIssue.None;
}
