namespace AfterSales.Disputes.Reliability.Tests.Support;

/// <summary>
/// How big the drills run. CI runs the quick versions; <c>AFTERSALES_RELIABILITY_FULL=true</c> runs the full ones
/// (50 crash rounds, 100 000 deadlines in the storm, the storm's latency goal asserted), as docs/reliability.md records.
/// </summary>
internal static class ReliabilityRun
{
    /// <summary>Whether the full versions run.</summary>
    public static bool Full => bool.TryParse(Environment.GetEnvironmentVariable("AFTERSALES_RELIABILITY_FULL"), out var full) && full;

    /// <summary>How many times the crash drill kills the host (<c>AFTERSALES_RELIABILITY_ROUNDS</c> overrides).</summary>
    public static int CrashRounds => int.TryParse(Environment.GetEnvironmentVariable("AFTERSALES_RELIABILITY_ROUNDS"), out var rounds) ? rounds : Full ? 50 : 4;

    /// <summary>How many deadlines fall due at once in the timer storm.</summary>
    public static int StormDeadlines => Full ? 100_000 : 10_000;
}
