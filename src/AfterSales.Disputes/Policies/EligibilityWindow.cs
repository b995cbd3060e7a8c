namespace AfterSales.Disputes.Policies;

/// <summary>A time window that applies to the request, such as the no-reason return window.</summary>
/// <param name="Name">What the window is for.</param>
/// <param name="EndsAt">When it ends.</param>
public sealed record EligibilityWindow(string Name, DateTimeOffset EndsAt);
