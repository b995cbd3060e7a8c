namespace AfterSales.Disputes.Flows;

/// <summary>
/// A live deadline on a case: when it falls due, the system takes <see cref="ExpiresWith"/>.
/// A deadline can be paused (the time left is kept) and resumed (the time left starts running again).
/// </summary>
/// <typeparam name="TAction">The flow's action type.</typeparam>
public readonly record struct Deadline<TAction>
    where TAction : struct, Enum
{
    /// <summary>Starts a deadline of <paramref name="span"/> at <paramref name="start"/>.</summary>
    public Deadline(TAction expiresWith, DeadlineSpan span, DateTimeOffset start)
        : this(expiresWith, span, span.EndFrom(start), remainingWhilePaused: null)
    {
    }

    private Deadline(TAction expiresWith, DeadlineSpan span, DateTimeOffset dueAt, TimeSpan? remainingWhilePaused)
    {
        ExpiresWith = expiresWith;
        Span = span;
        DueAt = dueAt;
        RemainingWhilePaused = remainingWhilePaused;
    }

    /// <summary>The action the system takes when the deadline falls due.</summary>
    public TAction ExpiresWith { get; }

    /// <summary>How the deadline's time is counted.</summary>
    public DeadlineSpan Span { get; }

    /// <summary>When the deadline falls due; while paused, when it would have fallen due.</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>The time left when the deadline was paused; null while it runs.</summary>
    public TimeSpan? RemainingWhilePaused { get; }

    /// <summary>True while the deadline is paused.</summary>
    public bool IsPaused => RemainingWhilePaused.HasValue;

    /// <summary>
    /// Restores a deadline from storage. <paramref name="remainingWhilePaused"/> is null for a
    /// running deadline.
    /// </summary>
    public static Deadline<TAction> Restore(
        TAction expiresWith, DeadlineSpan span, DateTimeOffset dueAt, TimeSpan? remainingWhilePaused) =>
        new(expiresWith, span, dueAt, remainingWhilePaused);

    /// <summary>True when the deadline runs and <paramref name="now"/> has reached its due time.</summary>
    public bool IsDueAt(DateTimeOffset now) => !IsPaused && now >= DueAt;

    /// <summary>
    /// The time left at <paramref name="now"/>, counted like the span (business time for business
    /// days); zero once due.
    /// </summary>
    public TimeSpan RemainingAt(DateTimeOffset now) => RemainingWhilePaused ?? Span.Between(now, DueAt);

    /// <summary>Stops the clock at <paramref name="now"/>, keeping the time left. Pausing twice changes nothing.</summary>
    public Deadline<TAction> Pause(DateTimeOffset now) =>
        IsPaused ? this : new(ExpiresWith, Span, DueAt, RemainingAt(now));

    /// <summary>Restarts the clock at <paramref name="now"/> with the time that was left. Resuming a running deadline changes nothing.</summary>
    public Deadline<TAction> Resume(DateTimeOffset now) =>
        RemainingWhilePaused is { } remaining ? new(ExpiresWith, Span, Span.Add(now, remaining), null) : this;
}
