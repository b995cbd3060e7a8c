using AfterSales.Disputes.Merchants;

namespace AfterSales.Disputes.Policies;

/// <summary>
/// The points a store incurs by rule, and how long they count. The platform sets them (its governance setting); a case
/// freezes the rules in force when it opened with the rest of its policy, so points already incurred never change with
/// a later setting.
/// </summary>
public sealed record PenaltyRules
{
    /// <summary>The rules used when the platform sets none, and by cases frozen before penalty rules existed.</summary>
    public static PenaltyRules Default { get; } = new();

    /// <summary>Points for a seller response deadline missed: the seller's silence let the deadline decide.</summary>
    public int ResponseDeadlineMissed { get; init; } = 1;

    /// <summary>Points for an arbitration the store lost (the buyer got what was claimed).</summary>
    public int ArbitrationLost { get; init; } = 2;

    /// <summary>Points for a ruling not carried out in time: the seller's silence after a ruling set what the store must do.</summary>
    public int RulingNotCarriedOut { get; init; } = 6;

    /// <summary>Points for evidence an arbitrator found false (举证不实).</summary>
    public int FalseEvidence { get; init; } = 12;

    /// <summary>
    /// How many days points count; null for the default, the calendar year: points lapse at the end of the year they were
    /// incurred in, in the case's region's time zone (as the seeds' platforms clear points on 31 December).
    /// </summary>
    public int? ExpiresAfterDays { get; init; }

    /// <summary>The points <paramref name="cause"/> incurs; a ruling's own points are the arbitrator's, not a rule's.</summary>
    public int PointsFor(PenaltyCause cause) => cause switch
    {
        PenaltyCause.ResponseDeadlineMissed => ResponseDeadlineMissed,
        PenaltyCause.ArbitrationLost => ArbitrationLost,
        PenaltyCause.RulingNotCarriedOut => RulingNotCarriedOut,
        PenaltyCause.FalseEvidence => FalseEvidence,
        _ => 0,
    };

    /// <summary>When points incurred at <paramref name="at"/> stop counting.</summary>
    public DateTimeOffset ExpiresAt(DateTimeOffset at, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (ExpiresAfterDays is { } days)
        {
            return at.AddDays(days);
        }

        var local = TimeZoneInfo.ConvertTime(at, timeZone);
        var nextYear = new DateTime(local.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(nextYear, timeZone.GetUtcOffset(nextYear)).ToUniversalTime();
    }

    /// <summary>Every reason these rules cannot be the platform's, each naming the rule; empty when they can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (new[] { ResponseDeadlineMissed, ArbitrationLost, RulingNotCarriedOut, FalseEvidence }.Any(points => points is < 0 or > 100))
        {
            problems.Add("Rule 'penalty points': each rule incurs from 0 to 100 points.");
        }

        if (ExpiresAfterDays is < 1 or > 3660)
        {
            problems.Add("Rule 'penalty expiry': points count from 1 to 3660 days, or until the end of their calendar year when left out.");
        }

        return problems;
    }
}
