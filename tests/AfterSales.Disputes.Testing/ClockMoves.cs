using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Disputes.Testing;

/// <summary>Moving the test clock both ways, as a wandering system clock does.</summary>
public static class ClockMoves
{
    /// <summary>
    /// Moves <paramref name="clock"/> by <paramref name="delta"/>: forward with <see cref="FakeTimeProvider.Advance"/>
    /// (timers now due fire), back with <see cref="FakeTimeProvider.AdjustTime"/> (the package's
    /// <c>Advance</c> refuses to go back; an adjustment leaves the timers alone, as an NTP correction does).
    /// </summary>
    public static void Move(this FakeTimeProvider clock, TimeSpan delta)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (delta >= TimeSpan.Zero)
        {
            clock.Advance(delta);
        }
        else
        {
            clock.AdjustTime(clock.GetUtcNow() + delta);
        }
    }
}
