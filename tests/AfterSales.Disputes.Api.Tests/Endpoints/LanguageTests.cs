using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Endpoints;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using Microsoft.AspNetCore.Mvc;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>
/// The API answers in the language the caller asks for with <c>Accept-Language</c>: Simplified Chinese (zh-CN,
/// zh-Hans, zh) or English, which is also the answer when the header is missing or names a language the API lacks.
/// The codes (problem types, states, actions) stay the same in every language; only the words change.
/// </summary>
public class LanguageTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public LanguageTests(ApiFactory api) => _api = api;

    private HttpClient Seller(string? language)
    {
        var seller = _api.As(Roles.Seller, Flagship);
        if (language is not null)
        {
            seller.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return seller;
    }

    private static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string language)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentLanguage.Should().Equal(language);
        return (await response.ReadAsync<ProblemDetails>())!;
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN", "当前不能执行该操作", "“等待卖家处理”状态下不能执行“确认收货”。")]
    [InlineData("zh-Hans", "zh-Hans", "当前不能执行该操作", "“等待卖家处理”状态下不能执行“确认收货”。")]
    [InlineData("en", "en", "Action not allowed now", "ConfirmReceipt is not permitted in state AwaitingSellerResponse.")]
    [InlineData("fr-FR, zh-CN;q=0.5", "zh-CN", "当前不能执行该操作", "“等待卖家处理”状态下不能执行“确认收货”。")]
    [InlineData("fr-FR", "en", "Action not allowed now", "ConfirmReceipt is not permitted in state AwaitingSellerResponse.")]
    [InlineData(null, "en", "Action not allowed now", "ConfirmReceipt is not permitted in state AwaitingSellerResponse.")]
    public async Task TheSameRefusal_IsWrittenInTheCallersLanguage_WithTheSameCodes(string? acceptLanguage, string answered, string title, string detail)
    {
        var dispute = await World.OpenAsync(_api, "o-lang-refusal-" + (acceptLanguage ?? "none").Replace(",", "").Replace(";", "").Replace("=", "").Replace(" ", ""));
        using var seller = Seller(acceptLanguage);

        var response = await seller.PostJsonAsync($"/api/v1/disputes/{dispute.Id}/receipt", new ConditionReport(Policies.ConditionIssue.None, []), "\"1\"");

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict, answered);
        problem.Type.Should().Be("/problems/not-allowed");
        problem.Title.Should().Be(title);
        problem.Detail.Should().Be(detail);
        problem.Extensions["allowedActions"]!.ToString().Should().Be("""["Approve","Reject","ProposeOffer","SendMessage"]""");
    }

    [Fact]
    public async Task ACaseReadInChinese_NamesItsStateActionsDeadlineAndEligibilityInChinese()
    {
        var opened = await World.OpenAsync(_api, "o-lang-read");
        using var english = Seller("en");
        using var chinese = Seller("zh-CN");

        var inEnglish = await ReadAsync(english, opened.Id);
        var inChinese = await ReadAsync(chinese, opened.Id);

        inChinese.State.Should().Be(DisputeState.AwaitingSellerResponse, "the codes do not change with the language");
        inChinese.Labels.State.Should().Be("等待卖家处理");
        inEnglish.Labels.State.Should().Be("awaiting the seller's response");
        inChinese.Labels.AllowedActions.Should().Equal(new Dictionary<string, string>
        {
            ["Approve"] = "同意申请", ["Reject"] = "拒绝申请", ["ProposeOffer"] = "提出协商方案", ["SendMessage"] = "发送留言",
        });
        inChinese.Deadline!.Label.Should().NotBe(inEnglish.Deadline!.Label).And.MatchRegex(@"\p{IsCJKUnifiedIdeographs}");

        var menu = (await (await chinese.GetAsync($"/api/v1/disputes/{opened.Id}/allowed-actions")).ReadAsync<List<AllowedAction>>())!;
        menu.Single(a => a.Action == DisputeAction.ConfirmReceipt).Should().BeEquivalentTo(
            new AllowedAction(DisputeAction.ConfirmReceipt, false, "“等待卖家处理”状态下不能执行“确认收货”。", "确认收货"));
        menu.Where(a => !a.Allowed).Should().OnlyContain(a => a.Reason!.Any(IsChinese));

        var englishReasons = inEnglish.Eligibility!.Trace.Select(c => c.Reason).ToList();
        var chineseReasons = inChinese.Eligibility!.Trace.Select(c => c.Reason).ToList();
        chineseReasons.Should().HaveSameCount(englishReasons).And.OnlyContain(reason => reason.Any(IsChinese));
        chineseReasons.Should().NotIntersectWith(englishReasons);
    }

    [Fact]
    public async Task TheLabels_NameEveryValueOfEveryLabelledEnumeration_InTheCallersLanguage()
    {
        using var english = Seller("en");
        using var chinese = Seller("zh-CN");

        var inEnglish = (await (await english.GetAsync("/api/v1/labels")).ReadAsync<List<LabelSet>>())!.ToDictionary(set => set.Enumeration, set => set.Labels);
        var inChinese = (await (await chinese.GetAsync("/api/v1/labels")).ReadAsync<List<LabelSet>>())!.ToDictionary(set => set.Enumeration, set => set.Labels);

        inChinese.Keys.Should().BeEquivalentTo(AfterSales.Disputes.Localization.DisputeTexts.LabelledEnums.Select(type => type.Name));
        inChinese["DisputeState"].Keys.Should().BeEquivalentTo(Enum.GetNames<DisputeState>());
        inChinese["DisputeState"]["AwaitingSellerResponse"].Should().Be("等待卖家处理");
        inEnglish["DisputeState"]["AwaitingSellerResponse"].Should().Be("awaiting the seller's response");
        inChinese["RulingOutcome"]["PartialRefund"].Should().Be("部分退款（买家保留商品）");
        (await _api.CreateClient().GetAsync("/api/v1/labels")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the labels are read with a token, like the rest of the API");
    }

    [Fact]
    public async Task ThePolicyFrozenInACase_IsReadInChinese()
    {
        var opened = await World.OpenAsync(_api, "o-lang-policy");
        using var english = Seller("en");
        using var chinese = Seller("zh-CN");

        var inEnglish = (await (await english.GetAsync($"/api/v1/disputes/{opened.Id}/policy")).ReadAsync<FrozenPolicyResponse>())!;
        var inChinese = (await (await chinese.GetAsync($"/api/v1/disputes/{opened.Id}/policy")).ReadAsync<FrozenPolicyResponse>())!;

        inChinese.Version.Should().Be(inEnglish.Version, "the same policy, in other words");
        inChinese.Terms.Should().HaveSameCount(inEnglish.Terms);
        inChinese.Terms.Should().OnlyContain(term => term.Name.Any(IsChinese));
        inChinese.Terms.Should().ContainSingle(term => term.Name == "无理由退货").Which.Value.Should().MatchRegex(@"^签收后 \d+ 天内，退货运费由(买家|卖家)承担");
        inChinese.Terms.Should().ContainSingle(term => term.Name == "发货前卖家处理时限").Which.Value.Should().MatchRegex(@"^\d+ (天|小时)$");
        inEnglish.Terms.Should().ContainSingle(term => term.Name == "Seller response before shipment").Which.Value.Should().MatchRegex(@"^\d+ (days|h)$");
    }

    [Fact]
    public async Task AnInvalidRequest_NamesEachMemberWithAMessageInChinese()
    {
        var dispute = await World.OpenAsync(_api, "o-lang-invalid");
        using var seller = Seller("zh-CN");

        var response = await seller.PostRawAsync($"/api/v1/disputes/{dispute.Id}/reject", """{"note":"no code"}""", "\"1\"");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "zh-CN");
        problem.Type.Should().Be("/problems/validation");
        problem.Title.Should().Be("请求无效");
        problem.Extensions["errors"]!.ToString().Should().Be("""{"reasonCode":["必填。"]}""");
    }

    [Fact]
    public async Task ACaseThatIsNotTheCallers_IsNotFound_InChinese()
    {
        using var seller = Seller("zh-CN");

        var response = await seller.GetAsync("/api/v1/disputes/no-such-case");

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound, "zh-CN");
        problem.Title.Should().Be("未找到");
        problem.Detail.Should().Be("该售后申请不存在，或您无权查看。");
    }

    [Fact]
    public async Task AnOpeningOutsideTheWindows_IsRefusedWithTheReasonsInChinese()
    {
        await RegisterAsync(_api, Router("o-lang-late", deliveredDaysAgo: 40));
        using var buyer = _api.As(Roles.Buyer, Ana);
        buyer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await buyer.PostJsonAsync("/api/v1/disputes",
            new OpenDisputeBody("o-lang-late", "line-1", RequestKind.ReturnAndRefund, RequestReason.NoReason, "不想要了", Yuan(399)));

        var problem = await ProblemAsync(response, (HttpStatusCode)422, "zh-CN");
        problem.Type.Should().Be("/problems/not-eligible");
        problem.Title.Should().Be("不符合售后条件");
        problem.Detail.Should().StartWith("该申请不符合售后条件：").And.MatchRegex(@"\d+天无理由退货期限已于 \d{4}-\d{2}-\d{2} 结束。");
    }

    private static async Task<DisputeResponse> ReadAsync(HttpClient client, string disputeId)
    {
        var response = await client.GetAsync($"/api/v1/disputes/{disputeId}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.ReadAsync<DisputeResponse>())!;
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';
}
