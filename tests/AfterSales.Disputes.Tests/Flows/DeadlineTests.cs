using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Tests.Flows;

public class DeadlineTests
{
    // Friday 6 March 2026, 15:00 in Berlin (14:00 UTC).
    private static readonly DateTimeOffset s_fridayAfternoon = new(2026, 3, 6, 14, 0, 0, TimeSpan.Zero);
    private static readonly BusinessCalendar s_germany = new("DE", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    private readonly FlowDefinition<RefundState, RefundAction, Party, RefundCase> _flow = SampleRefundFlow.Build();
    private readonly RefundCase _case = new();

    [Fact]
    public void StartDeadline_ReadsTheElapsedSpanFromThePolicy()
    {
        _case.SellerResponse = DeadlineSpan.Days(5);

        var deadline = _flow.StartDeadline(RefundState.AwaitingSeller, _case, s_fridayAfternoon)!.Value;

        deadline.ExpiresWith.Should().Be(RefundAction.AutoApprove);
        deadline.DueAt.Should().Be(s_fridayAfternoon.AddDays(5));
        deadline.IsPaused.Should().BeFalse();
    }

    [Fact]
    public void StartDeadline_InBusinessDays_SkipsTheWeekend()
    {
        _case.SellerResponse = DeadlineSpan.BusinessDays(2, s_germany);

        var deadline = _flow.StartDeadline(RefundState.AwaitingSeller, _case, s_fridayAfternoon)!.Value;

        deadline.DueAt.Should().Be(new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void StartDeadline_OfAStateWithoutOne_IsNull()
    {
        _flow.StartDeadline(RefundState.Refunding, _case, s_fridayAfternoon).Should().BeNull();
    }

    [Fact]
    public void PauseAndResume_KeepTheElapsedTimeLeft()
    {
        var deadline = new Deadline<RefundAction>(RefundAction.AutoApprove, DeadlineSpan.Hours(48), s_fridayAfternoon);

        var paused = deadline.Pause(s_fridayAfternoon.AddHours(10));
        var resumed = paused.Resume(s_fridayAfternoon.AddHours(100));

        paused.IsPaused.Should().BeTrue();
        paused.RemainingWhilePaused.Should().Be(TimeSpan.FromHours(38));
        paused.IsDueAt(s_fridayAfternoon.AddYears(1)).Should().BeFalse();
        resumed.IsPaused.Should().BeFalse();
        resumed.DueAt.Should().Be(s_fridayAfternoon.AddHours(138));
    }

    [Fact]
    public void PauseAndResume_InBusinessDays_KeepTheBusinessTimeLeft()
    {
        // Two business days from Friday 15:00 Berlin run out on Tuesday 15:00. Paused on Monday 15:00,
        // one business day is left; resumed on Thursday 09:00, it runs out on Friday 09:00.
        var deadline = new Deadline<RefundAction>(RefundAction.AutoApprove, DeadlineSpan.BusinessDays(2, s_germany), s_fridayAfternoon);
        var mondayAfternoon = new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero);
        var thursdayMorning = new DateTimeOffset(2026, 3, 12, 8, 0, 0, TimeSpan.Zero);

        var paused = deadline.Pause(mondayAfternoon);
        var resumed = paused.Resume(thursdayMorning);

        paused.RemainingWhilePaused.Should().Be(TimeSpan.FromHours(24));
        resumed.DueAt.Should().Be(new DateTimeOffset(2026, 3, 13, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void PauseTwiceAndResumeARunningDeadline_ChangeNothing()
    {
        var deadline = new Deadline<RefundAction>(RefundAction.AutoApprove, DeadlineSpan.Hours(48), s_fridayAfternoon);
        var paused = deadline.Pause(s_fridayAfternoon.AddHours(1));

        paused.Pause(s_fridayAfternoon.AddHours(20)).Should().Be(paused);
        deadline.Resume(s_fridayAfternoon.AddHours(20)).Should().Be(deadline);
    }

    [Fact]
    public void RemainingAt_IsZeroOnceDue()
    {
        var deadline = new Deadline<RefundAction>(RefundAction.AutoApprove, DeadlineSpan.Hours(48), s_fridayAfternoon);

        deadline.RemainingAt(s_fridayAfternoon.AddHours(47)).Should().Be(TimeSpan.FromHours(1));
        deadline.RemainingAt(s_fridayAfternoon.AddHours(49)).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void FireExpiry_WhenDue_TakesTheExpiryActionAsSystem()
    {
        var deadline = _flow.StartDeadline(RefundState.AwaitingSeller, _case, s_fridayAfternoon);

        var result = _flow.FireExpiry(RefundState.AwaitingSeller, deadline, _case, s_fridayAfternoon.AddHours(48));

        result.Transition.Action.Should().Be(RefundAction.AutoApprove);
        result.Transition.By.Should().Be(Party.System);
        result.Transition.To.Should().Be(RefundState.Refunding);
    }

    [Fact]
    public void FireExpiry_BeforeTheDueTime_IsRefused_SoAClockThatJumpsBackNeverFiresEarly()
    {
        var deadline = _flow.StartDeadline(RefundState.AwaitingSeller, _case, s_fridayAfternoon);

        var result = _flow.FireExpiry(RefundState.AwaitingSeller, deadline, _case, s_fridayAfternoon.AddHours(47).AddMinutes(59));

        result.Refusal.Reason.Should().Be(RefusalReason.NoDeadlineDue);
        result.Refusal.Action.Should().Be(RefundAction.AutoApprove);
    }

    [Fact]
    public void FireExpiry_WhilePausedOrWithoutDeadline_IsRefused()
    {
        var paused = _flow.StartDeadline(RefundState.AwaitingSeller, _case, s_fridayAfternoon)!.Value.Pause(s_fridayAfternoon);

        _flow.FireExpiry(RefundState.AwaitingSeller, paused, _case, s_fridayAfternoon.AddDays(30))
            .Refusal.Reason.Should().Be(RefusalReason.NoDeadlineDue);
        _flow.FireExpiry(RefundState.Refunding, null, _case, s_fridayAfternoon.AddDays(30))
            .Refusal.Message.Should().Be("No deadline is due in state Refunding.");
    }

    [Fact]
    public void Restore_RebuildsAStoredDeadline()
    {
        var deadline = new Deadline<RefundAction>(RefundAction.AutoApprove, DeadlineSpan.Hours(48), s_fridayAfternoon).Pause(s_fridayAfternoon);

        Deadline<RefundAction>.Restore(deadline.ExpiresWith, deadline.Span, deadline.DueAt, deadline.RemainingWhilePaused)
            .Should().Be(deadline);
    }

    [Fact]
    public void DeadlineSpan_DescribesItself()
    {
        DeadlineSpan.Hours(36).ToString().Should().Be("36 h");
        DeadlineSpan.Hours(48).ToString().Should().Be("2 days", "48 hours and 2 days are the same span");
        DeadlineSpan.Days(7).ToString().Should().Be("7 days");
        DeadlineSpan.BusinessDays(2, s_germany).ToString().Should().Be("2 business days (DE)");
    }

    [Fact]
    public void DeadlineSpan_MustBePositive()
    {
        ((Action)(() => DeadlineSpan.Hours(0))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => DeadlineSpan.BusinessDays(-1, s_germany))).Should().Throw<ArgumentOutOfRangeException>();
    }
}
