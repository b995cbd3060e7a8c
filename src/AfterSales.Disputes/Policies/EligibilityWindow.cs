using System.Globalization;
using AfterSales.Disputes.Localization;

namespace AfterSales.Disputes.Policies;

/// <summary>A time window that applies to the request, such as the no-reason return window.</summary>
/// <param name="Name">What the window is for, in English.</param>
/// <param name="EndsAt">When it ends.</param>
public sealed record EligibilityWindow(string Name, DateTimeOffset EndsAt)
{
    /// <summary>The name in the other supported languages, by culture name; null in decisions recorded before translations.</summary>
    public IReadOnlyDictionary<string, string>? Translations { get; init; }

    /// <summary>The name in <paramref name="culture"/>'s language, or in English when it has none.</summary>
    public string NameIn(CultureInfo culture) => DisputeTexts.Pick(Translations, Name, culture);

    /// <summary>Equal when the English is: the translations say the same in other words.</summary>
    public bool Equals(EligibilityWindow? other) => other is not null && Name == other.Name && EndsAt == other.EndsAt;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, EndsAt);
}
