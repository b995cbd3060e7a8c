using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Localization;
using AfterSales.Disputes.Testing;

namespace AfterSales.Disputes.Api.Tests.Localization;

/// <summary>The API's own texts (problem titles and details, member messages) exist in English and Simplified Chinese.</summary>
public partial class ApiTranslationTests
{
    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        ApiTexts.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static readonly Dictionary<string, string> s_english = Texts(CultureInfo.InvariantCulture);

    [Fact]
    public void EveryEnglishText_HasASimplifiedChineseTranslation_WithTheSamePlaceholders()
    {
        var chinese = Texts(CultureInfo.GetCultureInfo("zh-Hans"));

        s_english.Keys.Except(chinese.Keys).Should().BeEmpty("every English text needs its Chinese translation");
        chinese.Keys.Except(s_english.Keys).Should().BeEmpty("a translation of nothing is a leftover");
        foreach (var (key, text) in s_english)
        {
            Placeholders(chinese[key]).Should().BeEquivalentTo(Placeholders(text), $"{key} is filled in with the same values in each language");
            chinese[key].Should().NotBe(text, $"{key} is translated, not copied");
        }
    }

    /// <summary>
    /// A title, a fixed detail or a thing not found is written once, in English, where the problem is made, and
    /// translated by its English (<see cref="ApiTexts.Translate"/>); a literal without a text would stay English.
    /// </summary>
    [Fact]
    public void EveryFixedTextOfAProblem_HasAText()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "AfterSales.Disputes.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();

        var titles = sources.SelectMany(source => ProblemLiterals().Matches(source)).Select(m => "Title." + m.Groups["title"].Value).ToList();
        var details = sources.SelectMany(source => ProblemLiterals().Matches(source)).Where(m => m.Groups["detail"].Success)
            .Select(m => "Detail." + m.Groups["detail"].Value).ToList();
        var things = sources.SelectMany(source => NotFoundLiterals().Matches(source)).Select(m => "Thing." + m.Groups["thing"].Value).Distinct().ToList();

        titles.Should().HaveCountGreaterThan(30, "the pattern finds the problems' titles");
        details.Should().HaveCountGreaterThan(5, "the pattern finds the fixed details");
        things.Should().HaveCountGreaterThan(5, "the pattern finds what may not be found");
        titles.Concat(details).Concat(things).Where(key => !s_english.ContainsKey(key)).Should().BeEmpty();
    }

    [Fact]
    public void EveryRole_IsNamedAlone_AndInTheList_OfWhoMayCallARoute()
    {
        string[] roles = [Roles.Buyer, Roles.Seller, Roles.Arbitrator, Roles.ServiceCenter, Roles.Platform];

        roles.Where(role => !s_english.ContainsKey("Role." + role) || !s_english.ContainsKey("Roles." + role + "s")).Should().BeEmpty();
    }

    [Fact]
    public void EveryWindowOfAPolicy_IsNamed()
    {
        var windows = typeof(AfterSales.Disputes.Policies.PolicyWindows).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => "Window." + p.Name).ToList();

        windows.Should().HaveCountGreaterThan(30);
        windows.Where(key => !s_english.ContainsKey(key)).Should().BeEmpty();
        s_english.Keys.Where(key => key.StartsWith("Window.", StringComparison.Ordinal)).Except(windows).Should().BeEmpty("a name for a window that is gone is a leftover");
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // Problem(StatusCodes.Status409Conflict, "not-allowed", "Action not allowed now", refusal.Message, ...), with the detail
    // when it is a plain literal (an interpolated $"..." detail is built from texts of its own).
    [GeneratedRegex(@"Problem\(\s*(?:StatusCodes\.\w+|[\w.]+),\s*""[\w-]+"",\s*""(?<title>[^""]+)""(?:,\s*""(?<detail>[^""]+)""\s*[,)])?")]
    private static partial Regex ProblemLiterals();

    [GeneratedRegex(@"NotFound\(""(?<thing>[^""]+)""\)")]
    private static partial Regex NotFoundLiterals();
}
