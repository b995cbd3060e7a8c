using System.Globalization;
using AfterSales.Disputes.Localization;

namespace AfterSales.Disputes.Policies;

/// <summary>One rule of an eligibility decision: its name, whether it passed, and why, in words.</summary>
/// <param name="Rule">A stable rule code such as <c>no-reason-window</c>.</param>
/// <param name="Passed">Whether the rule allows the request.</param>
/// <param name="Reason">A sentence for the buyer and the arbitrator, in English.</param>
public sealed record RuleCheck(string Rule, bool Passed, string Reason)
{
    /// <summary>
    /// The reason in the other supported languages, by culture name (<c>zh-CN</c>): written when the rule was
    /// evaluated and kept with the decision, so each reader gets it in their language. Null in decisions recorded
    /// before translations.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Translations { get; init; }

    /// <summary>The reason in <paramref name="culture"/>'s language, or in English when it has none.</summary>
    public string ReasonIn(CultureInfo culture) => DisputeTexts.Pick(Translations, Reason, culture);

    /// <summary>Equal when the English is: the translations say the same in other words.</summary>
    public bool Equals(RuleCheck? other) => other is not null && Rule == other.Rule && Passed == other.Passed && Reason == other.Reason;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rule, Passed, Reason);
}
