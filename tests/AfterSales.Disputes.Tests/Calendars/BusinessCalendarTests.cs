using AfterSales.Disputes.Calendars;
using FsCheck;
using FsCheck.Fluent;

namespace AfterSales.Disputes.Tests.Calendars;

public class BusinessCalendarTests
{
    private static readonly TimeZoneInfo s_shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo s_berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // The State Council's 2025 schedule for National Day and Mid-Autumn: 1-8 October off,
    // Sunday 28 September and Saturday 11 October worked instead.
    private static readonly BusinessCalendar s_china2025 = new BusinessCalendar("CN", s_shanghai)
        .WithHolidayPeriod(new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 8))
        .WithMakeUpWorkingDays(new DateOnly(2025, 9, 28), new DateOnly(2025, 10, 11));

    private static readonly BusinessCalendar s_germany = new("DE", s_berlin);

    private static DateTimeOffset Shanghai(int month, int day, int hour) => new(2025, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TwoBusinessDaysFromAFridayAfternoon_EndOnTuesdayAtTheSameTime()
    {
        var fridayAfternoon = new DateTimeOffset(2026, 3, 6, 15, 30, 0, TimeSpan.FromHours(1));

        var due = s_germany.AddBusinessDays(fridayAfternoon, 2);

        due.Should().Be(new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.FromHours(1)));
        due.Offset.Should().Be(TimeSpan.Zero, "deadlines are handed out in UTC");
    }

    [Fact]
    public void GoldenWeek_HolidaysDoNotCount()
    {
        // Tuesday 30 September 16:00: 8 hours left that day, then 1-8 October off,
        // then Thursday 9 October counts in full and Friday 10 October until 16:00.
        s_china2025.AddBusinessDays(Shanghai(9, 30, 16), 2).Should().Be(Shanghai(10, 10, 16));
    }

    [Fact]
    public void GoldenWeek_TheMakeUpSaturdayIsAWorkingDay()
    {
        // Thursday 9 October 16:00 + 2 business days ends on Saturday 11 October, a make-up working day,
        // rather than on Monday 13 October.
        s_china2025.AddBusinessDays(Shanghai(10, 9, 16), 2).Should().Be(Shanghai(10, 11, 16));
    }

    [Fact]
    public void GoldenWeek_TheMakeUpSundayIsAWorkingDay()
    {
        // Friday 26 September 16:00: 8 hours, Saturday off, Sunday 28 September worked in full, Monday until 16:00.
        s_china2025.AddBusinessDays(Shanghai(9, 26, 16), 2).Should().Be(Shanghai(9, 29, 16));
    }

    [Fact]
    public void GoldenWeek_ADeadlineStartedOnAHolidayCountsFromTheNextWorkingMorning()
    {
        s_china2025.AddBusinessDays(Shanghai(10, 3, 11), 1).Should().Be(Shanghai(10, 10, 0));
    }

    [Fact]
    public void IsWorkingDay_FollowsWeekendsHolidaysAndMakeUpDays()
    {
        s_china2025.IsWorkingDay(new DateOnly(2025, 9, 26)).Should().BeTrue("a Friday");
        s_china2025.IsWorkingDay(new DateOnly(2025, 9, 27)).Should().BeFalse("a Saturday");
        s_china2025.IsWorkingDay(new DateOnly(2025, 9, 28)).Should().BeTrue("a make-up Sunday");
        s_china2025.IsWorkingDay(new DateOnly(2025, 10, 6)).Should().BeFalse("a Monday in Golden Week");
        s_china2025.IsWorkingDay(new DateOnly(2025, 10, 11)).Should().BeTrue("a make-up Saturday");
    }

    [Fact]
    public void AcrossTheSpringDaylightSavingChange_TheLocalTimeOfDayIsKept()
    {
        // Berlin moves from CET (+1) to CEST (+2) on Sunday 29 March 2026.
        var friday = new DateTimeOffset(2026, 3, 27, 15, 0, 0, TimeSpan.FromHours(1));

        var due = s_germany.AddBusinessDays(friday, 2);

        due.Should().Be(new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.FromHours(2)));
        (due - friday).Should().Be(TimeSpan.FromHours(95), "the weekend between had one hour less");
    }

    [Fact]
    public void AcrossTheAutumnDaylightSavingChange_TheLocalTimeOfDayIsKept()
    {
        // Berlin moves from CEST (+2) back to CET (+1) on Sunday 25 October 2026.
        var friday = new DateTimeOffset(2026, 10, 23, 15, 0, 0, TimeSpan.FromHours(2));

        s_germany.AddBusinessDays(friday, 2).Should().Be(new DateTimeOffset(2026, 10, 27, 15, 0, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AWallClockTimeSkippedBySpringForward_MovesForwardByTheGap()
    {
        var everyDay = new BusinessCalendar("DE-7", s_berlin, [], [], []);
        var halfPastMidnight = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.FromHours(1));

        // 02:30 does not exist that night; the deadline ends at 03:30 CEST.
        everyDay.AddBusinessTime(halfPastMidnight, TimeSpan.FromHours(2))
            .Should().Be(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void ARepeatedWallClockTime_MeansItsFirstOccurrence()
    {
        var everyDay = new BusinessCalendar("DE-7", s_berlin, [], [], []);
        var midnight = new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2));

        everyDay.AddBusinessTime(midnight, TimeSpan.FromHours(2.5))
            .Should().Be(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void BusinessTimeBetween_CountsOnlyWorkingDays()
    {
        s_china2025.BusinessTimeBetween(Shanghai(9, 30, 16), Shanghai(10, 10, 16)).Should().Be(TimeSpan.FromDays(2));
        s_china2025.BusinessTimeBetween(Shanghai(10, 4, 9), Shanghai(10, 5, 9)).Should().Be(TimeSpan.Zero);
        s_china2025.BusinessTimeBetween(Shanghai(10, 10, 9), Shanghai(10, 9, 9)).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void BusinessTimeBetween_IsTheInverseOfAddBusinessTime()
    {
        var start = new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var instants = Gen.Choose(0, 60 * 24 * 60).Select(minutes => start.AddMinutes(minutes));
        var amounts = Gen.Choose(0, 20 * 24 * 60).Select(minutes => TimeSpan.FromMinutes(minutes));

        Prop.ForAll(Arb.From(instants), Arb.From(amounts), (from, amount) =>
                s_china2025.BusinessTimeBetween(from, s_china2025.AddBusinessTime(from, amount)) == amount)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ACalendarRejectsAWeekWithoutWorkingDaysAndADateThatIsBothHolidayAndWorked()
    {
        var noWorkingDay = () => new BusinessCalendar("X", TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>(), [], []);
        var clash = () => s_china2025.WithMakeUpWorkingDays(new DateOnly(2025, 10, 2));
        var backwards = () => s_germany.WithHolidayPeriod(new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1));

        noWorkingDay.Should().Throw<ArgumentException>().WithMessage("A calendar needs at least one working day*");
        clash.Should().Throw<ArgumentException>().WithMessage("2025-10-02 cannot be both a holiday and a make-up working day*");
        backwards.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void EveryDayUtc_CountsBusinessTimeAsElapsedTime()
    {
        var saturday = new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.Zero);

        BusinessCalendar.EveryDayUtc.AddBusinessDays(saturday, 2).Should().Be(saturday.AddDays(2));
    }
}
