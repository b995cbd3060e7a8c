using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Testing;

namespace AfterSales.Disputes.Api.Tests.Desk;

/// <summary>
/// The desk's own words are English in the page (<c>data-i18n</c>) and in the script (<c>t('…')</c>), and every one of
/// them has its Simplified Chinese in <c>i18n/zh-CN.json</c>, with the same placeholders; the engine's words come from
/// the API's labels (<c>/labels</c>), which the library's translation tests cover.
/// </summary>
public sealed partial class DeskTranslationTests
{
    private const string Desk = "src/AfterSales.Disputes.Api/wwwroot/desk/";

    private static readonly string s_page = Repository.ReadText(Desk + "index.html");
    private static readonly string s_script = Repository.ReadText(Desk + "desk.js");
    private static readonly Dictionary<string, string> s_chinese = JsonSerializer.Deserialize<Dictionary<string, string>>(Repository.ReadText(Desk + "i18n/zh-CN.json"))!;

    private static List<string> EnglishTexts()
    {
        var fromScript = ScriptText().Matches(s_script).Select(m => m.Groups["single"].Success ? m.Groups["single"].Value.Replace("\\'", "'") : m.Groups["double"].Value);
        var fromPage = PageElement().Matches(s_page).Where(m => TranslatedText().IsMatch(m.Groups["attributes"].Value)).Select(m => Decode(m.Groups["text"].Value));
        var fromAttributes = Tag().Matches(s_page).SelectMany(m => new[] { "placeholder", "aria-label" }
            .Where(attribute => m.Value.Contains($"data-i18n-{attribute}", StringComparison.Ordinal))
            .Select(attribute => Decode(Regex.Match(m.Value, attribute + "=\"([^\"]*)\"").Groups[1].Value)));
        return [.. fromScript.Concat(fromPage).Concat(fromAttributes).Distinct()];
    }

    [Fact]
    public void EveryTextOfTheDesk_HasItsChinese_WithTheSamePlaceholders_AndTheDictionaryHoldsNothingElse()
    {
        var english = EnglishTexts();

        english.Should().HaveCountGreaterThan(200, "the patterns find the page's and the script's texts");
        english.Except(s_chinese.Keys).Should().BeEmpty("every English text of the desk needs its Chinese");
        s_chinese.Keys.Except(english).Should().BeEmpty("a translation of nothing is a leftover");
        foreach (var text in english)
        {
            Placeholders(s_chinese[text]).Should().BeEquivalentTo(Placeholders(text), $"\"{text}\" is filled in with the same values in each language");
            if (Regex.IsMatch(Placeholder().Replace(text, ""), "[A-Za-z]{3,}"))
            {
                s_chinese[text].Should().NotBe(text, "it is translated, not copied");
            }
        }
    }

    /// <summary>A text the page shows without <c>data-i18n</c> would stay English on a Chinese desk.</summary>
    [Fact]
    public void EveryTextOnThePage_IsMarkedForTranslation_OrIsACodeOrALanguagesOwnName()
    {
        var unmarked = PageElement().Matches(s_page)
            .Where(m => Regex.IsMatch(m.Groups["text"].Value, "[A-Za-z]{2,}"))
            .Where(m => !TranslatedText().IsMatch(m.Groups["attributes"].Value))
            .Where(m => m.Groups["tag"].Value is not ("code" or "script" or "style"))
            // An option's own language (the language switch) or a label the API gives (data-label).
            .Where(m => !Regex.IsMatch(m.Groups["attributes"].Value, @"\s(lang|data-label)="))
            // The ruling form's title and button, which the script sets for each use of the form.
            .Where(m => !Regex.IsMatch(m.Groups["attributes"].Value, @"class=""(form-title|primary)"""))
            .Select(m => m.Value);

        unmarked.Should().BeEmpty();
    }

    /// <summary>The script translates only literals, so that the first test sees every text it can show.</summary>
    [Fact]
    public void TheScript_TranslatesLiteralsOnly()
    {
        var calls = Regex.Matches(s_script, @"(?<![\w.])t\((?!['""])[^)]*\)").Select(m => m.Value);

        calls.Should().BeEquivalentTo(["t(english, values = {})", "t(element.dataset.en)", "t(element.dataset[key])"],
            "only the definition and the page's own marked texts are translated by a variable");
    }

    [Fact]
    public async Task TheDictionary_IsServedBesideThePage()
    {
        await using var api = new ApiFactory();
        using var client = api.CreateClient();

        var response = await client.GetAsync("/desk/i18n/zh-CN.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"Arbitration desk\": \"仲裁工作台\"");
    }

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![\w.])t\((?:'(?<single>(?:[^'\\]|\\.)*)'|""(?<double>(?:[^""\\]|\\.)*)"")")]
    private static partial Regex ScriptText();

    // An element holding text only: <th scope="col" data-i18n>State</th>.
    [GeneratedRegex(@"<(?<tag>\w+)(?<attributes>(?:\s[^<>]*)?)>(?<text>[^<>]*)</\k<tag>>")]
    private static partial Regex PageElement();

    [GeneratedRegex(@"\sdata-i18n(?:\s|$)")]
    private static partial Regex TranslatedText();

    [GeneratedRegex(@"<[^<>]+>")]
    private static partial Regex Tag();
}
