using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>What the platform's service-level view reads: the open cases' deadlines, backlog, workload and rulings.</summary>
public interface IServiceLevelReader
{
    /// <summary>The service levels at <paramref name="now"/>.</summary>
    Task<ServiceLevelReport> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// How the platform's after-sales service stands: the open cases whose deadline falls due within a day, the open
/// backlog by state and age, each arbitrator's open cases, and how long arbitration takes to a ruling.
/// </summary>
/// <param name="At">When it was read.</param>
/// <param name="NearDeadline">Open cases whose deadline falls due within <see cref="NearDeadlineWindow"/>, soonest first (at most <see cref="MaxNearDeadline"/>).</param>
/// <param name="Backlog">Open cases per state, by age since opening; states with none left out.</param>
/// <param name="Workload">Open cases in arbitration per arbitrator, the unassigned first (a null id).</param>
/// <param name="MedianTimeToRuling">The median time from escalation to the first ruling, over the rulings of the last <see cref="RulingWindow"/>; null without any.</param>
/// <param name="RulingsCounted">How many rulings that median is over.</param>
public sealed record ServiceLevelReport(
    DateTimeOffset At,
    IReadOnlyList<DeadlineNear> NearDeadline,
    IReadOnlyList<BacklogByState> Backlog,
    IReadOnlyList<ArbitratorWorkload> Workload,
    TimeSpan? MedianTimeToRuling,
    int RulingsCounted)
{
    /// <summary>How soon a deadline is near.</summary>
    public static readonly TimeSpan NearDeadlineWindow = TimeSpan.FromHours(24);

    /// <summary>The rulings the median is over: those of this long before now.</summary>
    public static readonly TimeSpan RulingWindow = TimeSpan.FromDays(30);

    /// <summary>The most cases near their deadline the report lists.</summary>
    public const int MaxNearDeadline = 50;
}

/// <summary>An open case whose deadline is near.</summary>
/// <param name="DisputeId">The case.</param>
/// <param name="StoreId">Its store.</param>
/// <param name="State">Where it stands.</param>
/// <param name="DueAt">When its deadline falls due (past for an overdue one the worker has not fired yet).</param>
/// <param name="ArbitratorId">The arbitrator assigned, if any.</param>
public sealed record DeadlineNear(string DisputeId, string StoreId, DisputeState State, DateTimeOffset DueAt, string? ArbitratorId);

/// <summary>Open cases in one state, by how long ago they opened.</summary>
/// <param name="State">The state.</param>
/// <param name="UnderOneDay">Opened less than a day ago.</param>
/// <param name="OneToThreeDays">One to three days ago.</param>
/// <param name="ThreeToSevenDays">Three to seven days ago.</param>
/// <param name="OverSevenDays">More than seven days ago.</param>
public sealed record BacklogByState(DisputeState State, int UnderOneDay, int OneToThreeDays, int ThreeToSevenDays, int OverSevenDays)
{
    /// <summary>All of them.</summary>
    public int Total => UnderOneDay + OneToThreeDays + ThreeToSevenDays + OverSevenDays;
}

/// <summary>One arbitrator's open cases in arbitration.</summary>
/// <param name="ArbitratorId">The arbitrator; null for the cases no arbitrator took yet.</param>
/// <param name="OpenCases">How many.</param>
public sealed record ArbitratorWorkload(string? ArbitratorId, int OpenCases);
