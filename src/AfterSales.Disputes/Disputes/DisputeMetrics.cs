using System.Diagnostics.Metrics;

namespace AfterSales.Disputes.Disputes;

/// <summary>
/// The engine's own measurements (<see cref="System.Diagnostics.Metrics"/>), for a host's telemetry to
/// export by <see cref="MeterName"/>.
/// </summary>
public static class DisputeMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "AfterSales.Disputes";

    /// <summary>The counter of disputes rebuilt from their timelines (each load of a dispute replays its events once).</summary>
    public const string RebuiltName = "aftersales.disputes.rebuilt";

    private static readonly Meter s_meter = new(MeterName);

    internal static Counter<long> Rebuilt { get; } = s_meter.CreateCounter<long>(RebuiltName, "{dispute}", "Disputes rebuilt by replaying their timeline.");
}
