namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// The host's clock in Development and in a sandbox (Stripe's test clocks are the model): the real time plus an
/// offset the platform moves forward over HTTP, so that a seller's integration can be tested against auto-approval,
/// return windows and appeal windows without waiting days. Only business time moves: timers still wait in real time
/// (the worker's next poll finds what fell due), and rate limits, tokens and webhook signatures keep the real clock.
/// The offset lives in this process: a sandbox is one host.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far the clock is ahead of the real time.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward to <paramref name="to"/>; false (and nothing moves) when that is not ahead of now, since time never runs back.</summary>
    public bool AdvanceTo(DateTimeOffset to)
    {
        while (true)
        {
            var seen = Interlocked.Read(ref _offsetTicks);
            var ahead = to - System.GetUtcNow();
            if (ahead.Ticks <= seen)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _offsetTicks, ahead.Ticks, seen) == seen)
            {
                return true;
            }
        }
    }
}
