using System.Text.Json;
using AfterSales.Disputes.Application.Policies;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Merchants;
using MediatR;

namespace AfterSales.Disputes.Application.Scorecards;

/// <summary>A store's penalty points, each with its cause, for the store itself and the platform.</summary>
/// <param name="StoreId">The store.</param>
public sealed record GetStorePenalties(string StoreId) : IRequest<StorePenaltyRecord>;

/// <summary>A store's penalty record: the points that count now, and every penalty with why it was incurred.</summary>
/// <param name="StoreId">The store.</param>
/// <param name="ActivePoints">The points that count now.</param>
/// <param name="Penalties">Every penalty, newest first, with whether it still counts; expired ones are kept for the record.</param>
public sealed record StorePenaltyRecord(string StoreId, int ActivePoints, IReadOnlyList<StorePenaltyEntry> Penalties);

/// <summary>One penalty on a store's record.</summary>
/// <param name="Penalty">The penalty: its case, the event that caused it, the rule, points and reason.</param>
/// <param name="Active">Whether it still counts.</param>
public sealed record StorePenaltyEntry(StorePenalty Penalty, bool Active);

/// <summary>
/// Assesses every store for every complete period not assessed yet (the last one, and any missed while no host ran),
/// once per store and period however many hosts do it at once; a change of level is an event to the store's webhooks.
/// </summary>
public sealed record AssessStores : IRequest<int>;

/// <summary>A store's assessments, newest first (the store itself and the platform).</summary>
/// <param name="StoreId">The store.</param>
/// <param name="Limit">How many, at most.</param>
public sealed record GetStoreAssessments(string StoreId, int Limit = 24) : IRequest<IReadOnlyList<StoreAssessment>>;

/// <summary>Every store's assessment of one period, worst first: the platform's ranking.</summary>
/// <param name="Period">The period (<c>2026-11</c>); the latest assessed when null.</param>
public sealed record GetStoreRanking(string? Period = null) : IRequest<IReadOnlyList<StoreAssessment>>;

/// <summary>
/// Every store's standing in the running period so far, worst first: its figures up to now against the thresholds, as
/// the period's assessment would be were it to end now. Nothing is stored; the period's assessment comes when it ends.
/// </summary>
public sealed record GetCurrentStandings : IRequest<IReadOnlyList<StoreAssessment>>;

/// <summary>The platform's service levels now: deadlines near, backlog by state and age, arbitrators' workload, time to ruling.</summary>
public sealed record GetServiceLevels : IRequest<ServiceLevelReport>;

/// <summary>The payload of a <c>store.level-changed</c> webhook event.</summary>
/// <param name="StoreId">The store.</param>
/// <param name="Period">The period assessed.</param>
/// <param name="From">The level before.</param>
/// <param name="To">The level now.</param>
/// <param name="Reasons">Every figure past a limit.</param>
/// <param name="At">When it was assessed.</param>
public sealed record StoreLevelChanged(string StoreId, string Period, StoreLevel From, StoreLevel To, IReadOnlyList<AssessmentReason> Reasons, DateTimeOffset At);

/// <summary>Penalty records, assessments and the ranking.</summary>
internal sealed class GovernanceHandler :
    IRequestHandler<GetStorePenalties, StorePenaltyRecord>,
    IRequestHandler<AssessStores, int>,
    IRequestHandler<GetStoreAssessments, IReadOnlyList<StoreAssessment>>,
    IRequestHandler<GetStoreRanking, IReadOnlyList<StoreAssessment>>,
    IRequestHandler<GetCurrentStandings, IReadOnlyList<StoreAssessment>>,
    IRequestHandler<GetServiceLevels, ServiceLevelReport>
{
    /// <summary>The webhook event type of a level change.</summary>
    public const string LevelChangedType = "store.level-changed";

    // The most periods one round assesses: a marketplace with years of history catches up over a few rounds.
    private const int MaxPeriodsPerRound = 24;

    private readonly IScorecardReader _scorecards;
    private readonly IStoreAssessmentStore _assessments;
    private readonly IServiceLevelReader _serviceLevels;
    private readonly PolicyCatalog _catalog;
    private readonly TimeProvider _time;

    public GovernanceHandler(IScorecardReader scorecards, IStoreAssessmentStore assessments, IServiceLevelReader serviceLevels, PolicyCatalog catalog,
        TimeProvider time)
    {
        _scorecards = scorecards;
        _assessments = assessments;
        _serviceLevels = serviceLevels;
        _catalog = catalog;
        _time = time;
    }

    public async Task<StorePenaltyRecord> Handle(GetStorePenalties request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        var penalties = await _scorecards.PenaltiesAsync(request.StoreId, cancellationToken).ConfigureAwait(false);
        var entries = penalties.Select(penalty => new StorePenaltyEntry(penalty, penalty.IsActiveAt(now))).ToList();
        return new(request.StoreId, entries.Where(entry => entry.Active).Sum(entry => entry.Penalty.Points), entries);
    }

    public async Task<int> Handle(AssessStores request, CancellationToken cancellationToken)
    {
        var governance = _catalog.Governance;
        var rules = governance.AssessmentRules;
        var now = _time.GetUtcNow();
        var from = await _assessments.LastAssessedEndAsync(cancellationToken).ConfigureAwait(false)
            ?? await _assessments.FirstActivityAsync(cancellationToken).ConfigureAwait(false);
        if (from is not { } cursor)
        {
            return 0;
        }

        // The period after the last assessed one was already complete when a period was assessed, but a store that
        // appeared since, or a host that stopped mid-period, leaves stores of the last period to assess: start there.
        var (_, lastStart, _) = rules.PeriodContaining(cursor.AddTicks(-1));
        var stored = 0;
        var period = rules.PeriodContaining(lastStart);
        for (var round = 0; round < MaxPeriodsPerRound && period.End <= now; round++, period = rules.PeriodContaining(period.End))
        {
            var assessed = await _assessments.AssessedAsync(period.Name, cancellationToken).ConfigureAwait(false);
            var figures = await _assessments.FiguresAsync(period.Start, period.End, cancellationToken).ConfigureAwait(false);
            if (figures.Keys.All(assessed.Contains))
            {
                continue;
            }

            var previous = await _assessments.LevelsAtAsync(period.Start, cancellationToken).ConfigureAwait(false);
            foreach (var (storeId, storeFigures) in figures.Where(store => !assessed.Contains(store.Key)).OrderBy(store => store.Key, StringComparer.Ordinal))
            {
                var (level, reasons) = rules.Assess(storeFigures);
                var assessment = new StoreAssessment(storeId, period.Name, period.Start, period.End, level,
                    previous.TryGetValue(storeId, out var before) ? before : null, storeFigures, reasons, now, governance.Version);
                if (await _assessments.TryAddAsync(assessment, LevelChange(assessment), cancellationToken).ConfigureAwait(false))
                {
                    stored++;
                }
            }
        }

        return stored;
    }

    public Task<IReadOnlyList<StoreAssessment>> Handle(GetStoreAssessments request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _assessments.HistoryAsync(request.StoreId, Math.Clamp(request.Limit, 1, 120), cancellationToken);
    }

    public async Task<IReadOnlyList<StoreAssessment>> Handle(GetStoreRanking request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WorstFirst(await _assessments.PeriodAsync(request.Period, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<StoreAssessment>> Handle(GetCurrentStandings request, CancellationToken cancellationToken)
    {
        var governance = _catalog.Governance;
        var rules = governance.AssessmentRules;
        var now = _time.GetUtcNow();
        var period = rules.PeriodContaining(now);
        var figures = await _assessments.FiguresAsync(period.Start, now, cancellationToken).ConfigureAwait(false);
        var previous = await _assessments.LevelsAtAsync(period.Start, cancellationToken).ConfigureAwait(false);
        return WorstFirst([.. figures.Select(store =>
        {
            var (level, reasons) = rules.Assess(store.Value);
            return new StoreAssessment(store.Key, period.Name, period.Start, period.End, level, previous.TryGetValue(store.Key, out var before) ? before : null,
                store.Value, reasons, now, governance.Version);
        })]);
    }

    public Task<ServiceLevelReport> Handle(GetServiceLevels request, CancellationToken cancellationToken) =>
        _serviceLevels.ReadAsync(_time.GetUtcNow(), cancellationToken);

    // Restricted before warned before good, then by how many figures are past a limit, then by points.
    private static List<StoreAssessment> WorstFirst(IEnumerable<StoreAssessment> assessments) =>
        [.. assessments.OrderByDescending(a => a.Level).ThenByDescending(a => a.Reasons.Count).ThenByDescending(a => a.Figures.ActivePoints)
            .ThenBy(a => a.StoreId, StringComparer.Ordinal)];

    // A level change is an event to the store: its id names the store and period, so a receiver deduplicates it.
    private static OutboxMessage? LevelChange(StoreAssessment assessment) => assessment.LevelChanged
        ? new OutboxMessage($"store-{assessment.StoreId}:{assessment.Period}", OutboxKind.StoreEvent, "", assessment.StoreId, LevelChangedType,
            JsonSerializer.Serialize(new StoreLevelChanged(assessment.StoreId, assessment.Period, assessment.PreviousLevel ?? StoreLevel.Good,
                assessment.Level, assessment.Reasons, assessment.AssessedAt), DisputeJson.Options), assessment.AssessedAt)
        : null;
}
