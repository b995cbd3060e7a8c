namespace AfterSales.Disputes.Merchants;

/// <summary>
/// One store's assessment for one period: its figures over the requests opened in the period, the level they give
/// against the platform's thresholds, and every figure past a limit. Made once per store and period.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="Period">The period's name, such as <c>2026-11</c>.</param>
/// <param name="PeriodStart">When the period started.</param>
/// <param name="PeriodEnd">When it ended.</param>
/// <param name="Level">The level the figures give.</param>
/// <param name="PreviousLevel">The level of the store's assessment before, or null for its first.</param>
/// <param name="Figures">The figures.</param>
/// <param name="Reasons">Every figure past a limit; empty for a good store.</param>
/// <param name="AssessedAt">When it was made.</param>
/// <param name="RulesVersion">The governance setting's version whose thresholds applied (<c>g0</c> for the defaults).</param>
public sealed record StoreAssessment(
    string StoreId,
    string Period,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    StoreLevel Level,
    StoreLevel? PreviousLevel,
    StoreFigures Figures,
    IReadOnlyList<AssessmentReason> Reasons,
    DateTimeOffset AssessedAt,
    string RulesVersion)
{
    /// <summary>Whether the level differs from the one before (a first assessment changes it unless it is good).</summary>
    public bool LevelChanged => Level != (PreviousLevel ?? StoreLevel.Good);
}
