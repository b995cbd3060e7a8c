using System.Collections.Frozen;
using System.Globalization;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Calendars;

/// <summary>
/// The working days of a region, in its time zone: weekend days, public holidays, and the make-up
/// working days some countries (China) schedule on weekends around long holidays.
/// </summary>
/// <remarks>
/// <para>
/// Business time runs only on working days, all day, by the region's wall clock. Two business days
/// from Friday 15:00 therefore end on Tuesday 15:00 local time, even when a daylight-saving change
/// falls on the weekend in between; a deadline that starts on a holiday starts counting at the
/// beginning of the next working day.
/// </para>
/// <para>Calendars are immutable; the <c>With…</c> methods return a new calendar.</para>
/// </remarks>
public sealed class BusinessCalendar : IBusinessCalendar
{
    private static readonly TimeSpan s_day = TimeSpan.FromDays(1);

    private readonly FrozenSet<DayOfWeek> _weekendDays;
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _makeUpWorkingDays;

    /// <summary>Creates a calendar with Saturday and Sunday as weekend days and no holidays.</summary>
    /// <param name="region">A region code such as <c>CN</c> or <c>DE</c>; it names the calendar in stored deadlines.</param>
    /// <param name="timeZone">The time zone whose wall clock counts the days.</param>
    public BusinessCalendar(string region, TimeZoneInfo timeZone)
        : this(region, timeZone, [DayOfWeek.Saturday, DayOfWeek.Sunday], [], [])
    {
    }

    /// <summary>Creates a calendar from all of its parts.</summary>
    /// <exception cref="ArgumentException">
    /// The region is blank, every day of the week is a weekend day, or a date is both a holiday and a make-up working day.
    /// </exception>
    public BusinessCalendar(
        string region,
        TimeZoneInfo timeZone,
        IEnumerable<DayOfWeek> weekendDays,
        IEnumerable<DateOnly> holidays,
        IEnumerable<DateOnly> makeUpWorkingDays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(timeZone);
        Region = region;
        TimeZone = timeZone;
        _weekendDays = weekendDays.ToFrozenSet();
        _holidays = holidays.ToFrozenSet();
        _makeUpWorkingDays = makeUpWorkingDays.ToFrozenSet();

        if (_weekendDays.Count >= 7)
        {
            throw new ArgumentException("A calendar needs at least one working day in the week.", nameof(weekendDays));
        }

        var clash = _holidays.Where(_makeUpWorkingDays.Contains).Order()
            .Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        if (clash.Count > 0)
        {
            throw new ArgumentException(
                $"{string.Join(", ", clash)} cannot be both a holiday and a make-up working day.", nameof(makeUpWorkingDays));
        }
    }

    /// <summary>The region code that names this calendar.</summary>
    public string Region { get; }

    /// <summary>The time zone whose wall clock counts the days.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Days of the week that are not worked unless they are make-up working days.</summary>
    public IReadOnlySet<DayOfWeek> WeekendDays => _weekendDays;

    /// <summary>Public holidays: not worked even when they fall on a weekday.</summary>
    public IReadOnlySet<DateOnly> Holidays => _holidays;

    /// <summary>Weekend dates that are worked to make up for a long holiday.</summary>
    public IReadOnlySet<DateOnly> MakeUpWorkingDays => _makeUpWorkingDays;

    /// <summary>A calendar in which every day is a working day, in UTC.</summary>
    public static BusinessCalendar EveryDayUtc { get; } = new("UTC", TimeZoneInfo.Utc, [], [], []);

    /// <summary>A copy of this calendar with more holidays.</summary>
    public BusinessCalendar WithHolidays(params IEnumerable<DateOnly> dates) =>
        new(Region, TimeZone, _weekendDays, _holidays.Concat(dates), _makeUpWorkingDays);

    /// <summary>A copy of this calendar with every date from <paramref name="first"/> to <paramref name="last"/> (inclusive) as holidays.</summary>
    public BusinessCalendar WithHolidayPeriod(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw new ArgumentException($"The holiday period ends ({last}) before it starts ({first}).", nameof(last));
        }

        return WithHolidays(Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays));
    }

    /// <summary>A copy of this calendar with more make-up working days.</summary>
    public BusinessCalendar WithMakeUpWorkingDays(params IEnumerable<DateOnly> dates) =>
        new(Region, TimeZone, _weekendDays, _holidays, _makeUpWorkingDays.Concat(dates));

    /// <summary>True when <paramref name="date"/> is worked in this region.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _makeUpWorkingDays.Contains(date) || (!_weekendDays.Contains(date.DayOfWeek) && !_holidays.Contains(date));

    /// <summary>The instant <paramref name="days"/> business days after <paramref name="start"/>.</summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddBusinessTime(start, days * s_day);
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of business time has passed since
    /// <paramref name="start"/>, counting only working days by the local wall clock. Returned in UTC.
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var (date, timeOfDay) = LocalWallClock(start);
        if (!IsWorkingDay(date))
        {
            (date, timeOfDay) = (NextWorkingDay(date), TimeSpan.Zero);
        }

        var remaining = amount;
        while (remaining > s_day - timeOfDay)
        {
            remaining -= s_day - timeOfDay;
            (date, timeOfDay) = (NextWorkingDay(date), TimeSpan.Zero);
        }

        return ToUtc(date.ToDateTime(TimeOnly.MinValue) + timeOfDay + remaining);
    }

    /// <summary>
    /// How much business time lies between two instants: the inverse of
    /// <see cref="AddBusinessTime"/>. Zero when <paramref name="to"/> is not after <paramref name="from"/>.
    /// </summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var (date, timeOfDay) = LocalWallClock(from);
        var (endDate, endTimeOfDay) = LocalWallClock(to);
        var total = TimeSpan.Zero;
        while (date < endDate)
        {
            if (IsWorkingDay(date))
            {
                total += s_day - timeOfDay;
            }

            (date, timeOfDay) = (date.AddDays(1), TimeSpan.Zero);
        }

        if (IsWorkingDay(endDate) && endTimeOfDay > timeOfDay)
        {
            total += endTimeOfDay - timeOfDay;
        }

        return total;
    }

    /// <summary>The region code.</summary>
    public override string ToString() => Region;

    private DateOnly NextWorkingDay(DateOnly date)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (!IsWorkingDay(date));

        return date;
    }

    private (DateOnly Date, TimeSpan TimeOfDay) LocalWallClock(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        return (DateOnly.FromDateTime(local), local.TimeOfDay);
    }

    // Resolves a wall-clock time to an instant the way people read clocks: a time skipped by a
    // spring-forward change is moved forward by the gap; a repeated autumn time means its first occurrence.
    private DateTimeOffset ToUtc(DateTime wallClock)
    {
        TimeSpan offset;
        if (TimeZone.IsInvalidTime(wallClock))
        {
            offset = TimeZone.GetUtcOffset(wallClock.AddDays(-1));
        }
        else if (TimeZone.IsAmbiguousTime(wallClock))
        {
            offset = TimeZone.GetAmbiguousTimeOffsets(wallClock).Max();
        }
        else
        {
            offset = TimeZone.GetUtcOffset(wallClock);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(wallClock - offset, DateTimeKind.Utc));
    }
}
