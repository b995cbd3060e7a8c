namespace AfterSales.Disputes.Flows;

/// <summary>How a deadline's length is counted.</summary>
public enum DeadlineKind
{
    /// <summary>Wall time: hours and days as they pass, weekends included.</summary>
    Elapsed,

    /// <summary>Business time in a region's <see cref="IBusinessCalendar"/>: only working days count.</summary>
    BusinessDays,
}

/// <summary>
/// The length of a deadline: elapsed time (48 hours, 7 days) or business days in a calendar
/// (2 business days in China). Policies hold these values; flows read them, so flows stay data.
/// </summary>
public readonly record struct DeadlineSpan
{
    private DeadlineSpan(DeadlineKind kind, TimeSpan length, IBusinessCalendar? calendar)
    {
        Kind = kind;
        Length = length;
        Calendar = calendar;
    }

    /// <summary>Elapsed time or business days.</summary>
    public DeadlineKind Kind { get; }

    /// <summary>
    /// The length: elapsed time, or for <see cref="DeadlineKind.BusinessDays"/> the business time
    /// (one business day is 24 hours of a working day's wall clock).
    /// </summary>
    public TimeSpan Length { get; }

    /// <summary>The calendar that counts business days; null for elapsed spans.</summary>
    public IBusinessCalendar? Calendar { get; }

    /// <summary>An elapsed span of any length.</summary>
    public static DeadlineSpan Of(TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        return new DeadlineSpan(DeadlineKind.Elapsed, length, null);
    }

    /// <summary>An elapsed span of whole hours.</summary>
    public static DeadlineSpan Hours(int hours) => Of(TimeSpan.FromHours(hours));

    /// <summary>An elapsed span of whole calendar days (weekends and holidays count).</summary>
    public static DeadlineSpan Days(int days) => Of(TimeSpan.FromDays(days));

    /// <summary>A span of whole business days in <paramref name="calendar"/>.</summary>
    public static DeadlineSpan BusinessDays(int days, IBusinessCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(days, 0);
        ArgumentNullException.ThrowIfNull(calendar);
        return new DeadlineSpan(DeadlineKind.BusinessDays, TimeSpan.FromDays(days), calendar);
    }

    /// <summary>The instant this span ends when it starts at <paramref name="start"/>.</summary>
    public DateTimeOffset EndFrom(DateTimeOffset start) => Add(start, Length);

    /// <summary>
    /// The instant at which <paramref name="amount"/> of this span's kind of time has passed since
    /// <paramref name="start"/>: used to resume a paused deadline with the time it had left.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan amount) =>
        Calendar is null ? start + amount : Calendar.AddBusinessTime(start, amount);

    /// <summary>How much of this span's kind of time lies between two instants (zero if none).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (Calendar is not null)
        {
            return Calendar.BusinessTimeBetween(from, to);
        }

        return to > from ? to - from : TimeSpan.Zero;
    }

    /// <summary>Describes the span: <c>48 h</c>, <c>7 days</c>, <c>2 business days (CN)</c>.</summary>
    public override string ToString() => Kind switch
    {
        DeadlineKind.BusinessDays => $"{Length.TotalDays:0.##} business days ({Calendar})",
        _ when Length.Ticks % TimeSpan.TicksPerDay == 0 => $"{Length.TotalDays:0} days",
        _ => $"{Length.TotalHours:0.##} h",
    };
}
