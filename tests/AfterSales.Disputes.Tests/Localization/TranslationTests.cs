using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Localization;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Localization;

/// <summary>Every text a party reads exists in English and in Simplified Chinese, with the same placeholders.</summary>
public partial class TranslationTests
{
    private static readonly CultureInfo s_chinese = DisputeTexts.SimplifiedChinese;

    internal static Dictionary<string, string> Texts(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    // zh-CN reads the zh-Hans resources through its parent culture.
    internal static CultureInfo ChineseResources => CultureInfo.GetCultureInfo("zh-Hans");

    [Fact]
    public void EveryEnglishText_HasASimplifiedChineseTranslation_WithTheSamePlaceholders_AndNoOther()
    {
        var english = Texts(DisputeTexts.Resources, CultureInfo.InvariantCulture);
        var chinese = Texts(DisputeTexts.Resources, ChineseResources);

        english.Keys.Except(chinese.Keys).Should().BeEmpty("every English text needs its Chinese translation");
        chinese.Keys.Except(english.Keys).Should().BeEmpty("a translation of nothing is a leftover");
        foreach (var (key, text) in english)
        {
            Placeholders(chinese[key]).Should().BeEquivalentTo(Placeholders(text), $"{key} is filled in with the same values in each language");
            if (text.Trim().Length > 0)
            {
                chinese[key].Should().NotBeNullOrWhiteSpace(key).And.NotBe(text, $"{key} is translated, not copied");
            }
        }
    }

    [Fact]
    public void ZhCn_ReadsTheSimplifiedChineseTexts()
    {
        CultureInfo.GetCultureInfo("zh-CN").Parent.Name.Should().Be("zh-Hans");
        DisputeTexts.Label(DisputeState.Closed, CultureInfo.GetCultureInfo("zh-CN")).Should().Be("已关闭");
        DisputeTexts.Label(DisputeState.Closed, CultureInfo.GetCultureInfo("en-US")).Should().Be("closed");
    }

    [Fact]
    public void EveryValueOfTheLabelledEnums_HasALabel()
    {
        var english = Texts(DisputeTexts.Resources, CultureInfo.InvariantCulture);

        var missing = DisputeTexts.LabelledEnums.SelectMany(type => Enum.GetNames(type).Select(name => $"{type.Name}.{name}")).Where(key => !english.ContainsKey(key));

        DisputeTexts.LabelledEnums.Should().Contain([typeof(DisputeState), typeof(DisputeAction), typeof(OfferStatus), typeof(RulingOutcome), typeof(StoreLevel)]);
        missing.Should().BeEmpty();
        DisputeTexts.Labels(typeof(OfferStatus), s_chinese).Should().ContainKey("Superseded").WhoseValue.Should().Be("已被新方案取代");
    }

    [Fact]
    public void EveryGuardAndDeadlineAPartyCanMeet_HasATranslation()
    {
        var labels = Enum.GetValues<RequestKind>().Select(DisputeFlows.For).SelectMany(flow => flow.States)
            .SelectMany(state => state.Transitions.SelectMany(t => t.Guards.Select(g => g.Label).Concat(t.ArgumentGuardLabels))
                .Concat(state.Deadline is { } deadline ? [deadline.Label] : []))
            .Append($"the case holds fewer than {Dispute.MaxPartyEvents} events")
            .Distinct();

        labels.Where(label => DisputeTexts.FlowLabel(label, s_chinese) == label).Should().BeEmpty("each label has a Flow. text in Chinese");
    }

    /// <summary>Keys are written as literals where the text is needed; each must exist, or the text would throw when first shown.</summary>
    [Fact]
    public void EveryKeyTheEngineWrites_Exists()
    {
        var english = Texts(DisputeTexts.Resources, CultureInfo.InvariantCulture);
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "AfterSales.Disputes"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var used = sources.SelectMany(path => KeyUse().Matches(File.ReadAllText(path)).Where(m => m.Groups["key"].Success)
                .Select(m => (Path: Path.GetFileName(path), Key: (m.Groups["eligibility"].Success ? "Eligibility." : "") + m.Groups["key"].Value)))
            .ToList();

        used.Should().HaveCountGreaterThan(100, "the pattern finds the engine's texts");
        used.Where(u => !english.ContainsKey(u.Key) && !u.Key.StartsWith("Repair.", StringComparison.Ordinal)).Should().BeEmpty();
        english.Keys.Where(k => k.StartsWith("Repair.", StringComparison.Ordinal)).Should().HaveCount(4, "the two ways a repair can be refused, settled or ruled");
    }

    [Fact]
    public void ARefusal_IsWrittenInTheLanguageOfTheCaller()
    {
        var refusal = new AfterSales.Disputes.Flows.Refusal<DisputeState, DisputeAction, Party>(DisputeAction.RetryRefund, DisputeState.RefundFailed, Party.Buyer,
            AfterSales.Disputes.Flows.RefusalReason.NotThisParty, Party.Seller | Party.Arbitrator | Party.System, null);

        DisputeTexts.Sentence(refusal, DisputeTexts.English).Should().Be("RetryRefund in state RefundFailed is for Seller or Arbitrator or System, not Buyer.");
        DisputeTexts.Sentence(refusal, s_chinese).Should().Be("“退款失败”状态下的“重新退款”应由卖家或平台仲裁员或系统执行，而不是买家。");
    }

    [Fact]
    public void AnEligibilityDecision_KeepsEachReasonInEveryLanguage_ForReadersOfEither()
    {
        var outcome = Dispute.Open(Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), OrderRefunds.Of(RouterOrder(), []),
            PolicyFor(Flagship), Delivered.AddDays(8));

        var window = outcome.Eligibility!.Failures.Single();
        window.ReasonIn(DisputeTexts.English).Should().Be(window.Reason).And.Be("The 7-day no-reason return window ended 2026-03-12.");
        window.ReasonIn(CultureInfo.GetCultureInfo("zh-CN")).Should().Be("7天无理由退货期限已于 2026-03-12 结束。");
        outcome.Eligibility.Windows.Should().Contain(w => w.NameIn(s_chinese) == "7天无理由退货（自签收起）");
    }

    [Fact]
    public void AnOpeningRefusedInChinese_GivesTheReasonsInChinese()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = s_chinese;
        try
        {
            var outcome = Dispute.Open(Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), OrderRefunds.Of(RouterOrder(), []),
                PolicyFor(Flagship), Delivered.AddDays(8));

            outcome.Refusal!.Message.Should().Be("该申请不符合售后条件：7天无理由退货期限已于 2026-03-12 结束。");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // Say("Open.LineHeld", ...) in the dispute, DisputeTexts.Format(culture, "List.And"), T("Shipment.ShippedOn", ...) in Eligibility (under "Eligibility.").
    // A key ends in a word character, so the prefix T builds on ("Eligibility." + key) is not taken for a key.
    [GeneratedRegex(@"(?:\bSay|DisputeTexts\.Format)\((?:culture, )?""(?<key>[A-Z][\w.]*\w)""|\bT\((?<eligibility>)""(?<key>[A-Z][\w.]*\w)""")]
    private static partial Regex KeyUse();
}
