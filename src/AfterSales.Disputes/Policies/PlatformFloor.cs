namespace AfterSales.Disputes.Policies;

/// <summary>
/// The marketplace's own minimum: what every store must offer whatever the jurisdiction, and the
/// step windows of every dispute. A store may be more generous, never less.
/// </summary>
/// <param name="Version">Changes whenever the floor changes; part of every frozen policy's version.</param>
/// <param name="MinimumNoReasonReturnDays">The shortest no-reason return window any store may offer.</param>
/// <param name="Windows">The step windows.</param>
public sealed record PlatformFloor(string Version, int MinimumNoReasonReturnDays, PolicyWindows Windows)
{
    /// <summary>A floor of seven no-reason days and the default windows.</summary>
    public static PlatformFloor Default { get; } = new("floor-1", 7, PolicyWindows.Default);
}
