using System.Globalization;

namespace AfterSales.Disputes.Merchants;

/// <summary>How long one assessment of the stores covers.</summary>
public enum AssessmentPeriod
{
    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>An ISO week, Monday to Sunday.</summary>
    Week,
}

/// <summary>A figure's two limits: past the first the store is warned, past the second it is restricted.</summary>
/// <param name="Warning">The warning limit.</param>
/// <param name="Restricted">The restriction limit, at least as far as the warning one.</param>
public sealed record Threshold(double Warning, double Restricted);

/// <summary>
/// How the platform assesses its stores' after-sales service each period: the period and the time zone it follows,
/// and each figure's thresholds. A rate counts only for a store with at least <see cref="MinimumRequests"/> requests in
/// the period, so one unlucky case does not restrict a small store; points and ratings always count.
/// </summary>
public sealed record AssessmentRules
{
    /// <summary>The rules used when the platform sets none.</summary>
    public static AssessmentRules Default { get; } = new();

    /// <summary>Monthly by default.</summary>
    public AssessmentPeriod Period { get; init; } = AssessmentPeriod.Month;

    /// <summary>The IANA time zone periods start and end in (the platform's).</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>The fewest requests in a period for the rates and response times to count.</summary>
    public int MinimumRequests { get; init; } = 10;

    /// <summary>Requests per order (higher is worse).</summary>
    public Threshold AfterSalesRate { get; init; } = new(0.05, 0.10);

    /// <summary>Median hours to the seller's first answer (higher is worse).</summary>
    public Threshold MedianResponseHours { get; init; } = new(24, 48);

    /// <summary>The 90th percentile of hours to the seller's first answer (higher is worse).</summary>
    public Threshold P90ResponseHours { get; init; } = new(48, 96);

    /// <summary>Share of requests on which the seller's silence let a deadline decide (higher is worse).</summary>
    public Threshold TimeoutRate { get; init; } = new(0.05, 0.15);

    /// <summary>Share of ruled arbitrations the store lost (higher is worse).</summary>
    public Threshold ArbitrationLossRate { get; init; } = new(0.30, 0.50);

    /// <summary>Penalty points still counting at the period's end (higher is worse).</summary>
    public Threshold Points { get; init; } = new(12, 24);

    /// <summary>The buyers' average rating of the period's cases, 1 to 5 (lower is worse).</summary>
    public Threshold AverageRating { get; init; } = new(4.0, 3.0);

    /// <summary>The period containing <paramref name="instant"/>: its name (<c>2026-11</c>, <c>2026-W47</c>), start and end.</summary>
    public (string Name, DateTimeOffset Start, DateTimeOffset End) PeriodContaining(DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime.Date;
        DateTime start, end;
        string name;
        if (Period == AssessmentPeriod.Week)
        {
            start = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
            end = start.AddDays(7);
            name = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(start)}-W{ISOWeek.GetWeekOfYear(start):00}");
        }
        else
        {
            start = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
            end = start.AddMonths(1);
            name = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        return (name, At(start, zone), At(end, zone));
    }

    /// <summary>Every reason these rules cannot be the platform's, each naming the rule; empty when they can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            problems.Add($"Rule 'assessment time zone': {TimeZone} is not a time zone; use an IANA name such as Asia/Shanghai.");
        }

        if (MinimumRequests < 1)
        {
            problems.Add("Rule 'assessment minimum': a rate counts from at least 1 request.");
        }

        foreach (var (name, threshold, higherIsWorse) in Figures())
        {
            if (threshold is null || threshold.Warning < 0 || threshold.Restricted < 0
                || (higherIsWorse ? threshold.Restricted < threshold.Warning : threshold.Restricted > threshold.Warning))
            {
                problems.Add($"Rule 'threshold {name}': limits are not negative, and the restriction limit is at least as far as the warning one.");
            }
        }

        return problems;
    }

    /// <summary>
    /// The level <paramref name="figures"/> give, with a reason for every figure past a limit: restricted when any figure
    /// is past its restriction limit, warned when any is past its warning limit, good otherwise.
    /// </summary>
    public (StoreLevel Level, IReadOnlyList<AssessmentReason> Reasons) Assess(StoreFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var enough = figures.Requests >= MinimumRequests;
        var values = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["afterSalesRate"] = enough ? figures.AfterSalesRate : null,
            ["medianResponseHours"] = enough ? figures.MedianResponse?.TotalHours : null,
            ["p90ResponseHours"] = enough ? figures.P90Response?.TotalHours : null,
            ["timeoutRate"] = enough ? figures.TimeoutRate : null,
            ["arbitrationLossRate"] = enough ? figures.ArbitrationLossRate : null,
            ["points"] = figures.ActivePoints,
            ["averageRating"] = figures.AverageRating,
        };
        var reasons = new List<AssessmentReason>();
        foreach (var (name, threshold, higherIsWorse) in Figures())
        {
            if (values[name] is not { } value)
            {
                continue;
            }

            bool Past(double limit) => higherIsWorse ? value > limit : value < limit;
            if (Past(threshold.Restricted))
            {
                reasons.Add(new(name, Math.Round(value, 4), threshold.Restricted, StoreLevel.Restricted));
            }
            else if (Past(threshold.Warning))
            {
                reasons.Add(new(name, Math.Round(value, 4), threshold.Warning, StoreLevel.Warning));
            }
        }

        var level = reasons.Count == 0 ? StoreLevel.Good : reasons.Max(reason => reason.Level);
        return (level, reasons);
    }

    private IEnumerable<(string Name, Threshold Threshold, bool HigherIsWorse)> Figures()
    {
        yield return ("afterSalesRate", AfterSalesRate, true);
        yield return ("medianResponseHours", MedianResponseHours, true);
        yield return ("p90ResponseHours", P90ResponseHours, true);
        yield return ("timeoutRate", TimeoutRate, true);
        yield return ("arbitrationLossRate", ArbitrationLossRate, true);
        yield return ("points", Points, true);
        yield return ("averageRating", AverageRating, false);
    }

    private static DateTimeOffset At(DateTime local, TimeZoneInfo zone) => new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
}

/// <summary>One figure past a limit.</summary>
/// <param name="Figure">The figure (<c>timeoutRate</c>, <c>points</c>, …).</param>
/// <param name="Value">Its value in the period.</param>
/// <param name="Limit">The limit it is past.</param>
/// <param name="Level">The level that limit gives.</param>
public sealed record AssessmentReason(string Figure, double Value, double Limit, StoreLevel Level);

/// <summary>A store's figures for one period, over the requests opened in it.</summary>
/// <param name="Orders">Orders registered in the period.</param>
/// <param name="Requests">Requests opened in the period.</param>
/// <param name="MedianResponse">Median time to the seller's first answer, over those answered.</param>
/// <param name="P90Response">The 90th percentile of it.</param>
/// <param name="TimedOutRequests">Requests on which the seller's silence let a deadline decide at least once.</param>
/// <param name="ArbitrationsRuled">Requests ruled in arbitration.</param>
/// <param name="ArbitrationsLost">Of those, the ones the store lost.</param>
/// <param name="ActivePoints">Penalty points still counting at the period's end.</param>
/// <param name="Ratings">Ratings given.</param>
/// <param name="AverageRating">Their average, 1 to 5; null without any.</param>
public sealed record StoreFigures(
    int Orders,
    int Requests,
    TimeSpan? MedianResponse,
    TimeSpan? P90Response,
    int TimedOutRequests,
    int ArbitrationsRuled,
    int ArbitrationsLost,
    int ActivePoints,
    int Ratings,
    double? AverageRating)
{
    /// <summary>Requests per order; null without orders.</summary>
    public double? AfterSalesRate => Orders == 0 ? null : (double)Requests / Orders;

    /// <summary>Share of requests a seller's silence decided; null without requests.</summary>
    public double? TimeoutRate => Requests == 0 ? null : (double)TimedOutRequests / Requests;

    /// <summary>Share of ruled arbitrations lost; null without any.</summary>
    public double? ArbitrationLossRate => ArbitrationsRuled == 0 ? null : (double)ArbitrationsLost / ArbitrationsRuled;
}

/// <summary>
/// What a restricted store's new cases follow instead of its own promises: shorter seller windows. Frozen in each case
/// opened while the store is restricted.
/// </summary>
public sealed record RestrictedPolicy
{
    /// <summary>The policy used when the platform sets none.</summary>
    public static RestrictedPolicy Default { get; } = new();

    /// <summary>Hours the seller has to answer a request on an order not shipped yet.</summary>
    public int SellerResponseHours { get; init; } = 24;

    /// <summary>Hours the seller has to answer a request once the order shipped.</summary>
    public int SellerResponseAfterShipmentHours { get; init; } = 48;

    /// <summary>Every reason this cannot be the platform's restricted policy; empty when it can.</summary>
    public IReadOnlyList<string> Problems() => SellerResponseHours is < 1 or > 720 || SellerResponseAfterShipmentHours is < 1 or > 720
        ? ["Rule 'restricted policy': a restricted store answers within 1 to 720 hours."]
        : [];
}
