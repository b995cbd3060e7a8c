using System.Globalization;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using OpenQA.Selenium;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Desk;

/// <summary>
/// The arbitration desk at <c>/desk</c>, in headless Chromium against the host running as a real process with its
/// demo data: what an arbitrator sees and does, checked both on the page and through the API afterwards.
/// </summary>
public sealed class DeskTests(DeskTests.Desk desk) : IClassFixture<DeskTests.Desk>
{
    private const string Lee = "arb-lee";
    private const string Kim = "arb-kim";

    // A 1×1 red PNG: a real image the browser decodes into a thumbnail.
    private static readonly byte[] s_photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    [SkippableFact]
    public async Task SigningIn_ShowsTheEscalatedDisputesWithDeadlineCountdowns_AndTheFiltersNarrowThem()
    {
        var (host, browser) = await desk.StartAsync();
        var id = await EscalatedCaseAsync(host, "desk-queue");

        await SignInAsync(host, browser, Roles.Arbitrator, Lee);

        var row = browser.Visible($"#queue-table tr[data-dispute='{id}']");
        row.Text.Should().Contain(Flagship).And.Contain("Awaiting the platform's ruling").And.Contain("399.00 CNY").And.Contain("unassigned");
        browser.TextOf("#queue-table tr[data-dispute='dsp_demo_escalated'] .countdown")
            .Should().MatchRegex(@"^2d \d\dh \d\dm \d\ds left$", "the demo case collects evidence for 3 days from its escalation");
        browser.Screenshot("desk-queue");

        browser.Driver.FindElement(By.Id("filter-store")).SendKeys(Reseller);
        browser.Driver.FindElement(By.CssSelector("#filters button[type=submit]")).Click();
        browser.Wait(d => d.FindElement(By.Id("queue-empty")).Displayed, "no reseller case is escalated");
        browser.Driver.FindElements(By.CssSelector("#queue-table tbody tr")).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task AnArbitrator_OpensACase_SeesBothPartiesEvidenceAndThePolicy_AndRules()
    {
        var (host, browser) = await desk.StartAsync();
        var id = await EscalatedCaseAsync(host, "desk-rule");

        await SignInAsync(host, browser, Roles.Arbitrator, Lee);
        browser.Visible($"#queue-table tr[data-dispute='{id}'] button").Click();

        browser.Wait(d => d.FindElement(By.Id("case-title")).Text == $"Dispute {id}", "the case is open");
        var buyerEvidence = browser.Visible("#evidence article[data-party='Buyer']");
        buyerEvidence.Text.Should().Contain("It reboots every hour, photo attached");
        var thumbnail = buyerEvidence.FindElement(By.CssSelector("img"));
        browser.Wait(d => (long)((IJavaScriptExecutor)d).ExecuteScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", thumbnail)! > 0,
            "the photo is fetched with the token and decoded");
        thumbnail.GetAttribute("alt").Should().Be("reboot.png from the buyer");
        var sellerEvidence = browser.Driver.FindElement(By.CssSelector("#evidence article[data-party='Seller']"));
        sellerEvidence.Text.Should().Contain("Works on our bench").And.Contain("Download bench.pdf");
        browser.Driver.FindElement(By.Id("order")).Text.Should().Contain("line-1 (disputed)").And.Contain("Linkwave AX3000 router");
        browser.Driver.FindElement(By.Id("policy")).Text.Should().Contain("floor-1+cn-2025.1").And.Contain("No-reason return").And.Contain("Seller response before shipment");
        browser.Driver.FindElement(By.Id("eligibility")).Text.Should().Contain("three-guarantees").And.Contain("Eligible");
        browser.Driver.FindElement(By.Id("timeline")).Text.Should().Contain("Ask the platform to step in");

        browser.Visible("#case-actions button.primary").Text.Should().Be("Take this case");
        browser.Driver.FindElement(By.CssSelector("#case-actions button.primary")).Click();
        browser.ShouldRead("#status", "You have the case. The case is now awaiting the platform's ruling.");
        browser.Visible("#ruling-maximum").Text.Should().Contain("Refundable maximum: 399.00 CNY");
        browser.Screenshot("desk-case");

        browser.Choose("ruling-outcome", "PartialRefund");
        browser.Driver.FindElement(By.Id("ruling-amount")).SendKeys("150.00");
        browser.Driver.FindElement(By.Id("ruling-rationale")).SendKeys("An intermittent fault the bench test could miss");
        browser.Driver.FindElement(By.CssSelector(".ruling-form button[type=submit]")).Click();

        browser.ShouldRead("#status", "Ruling issued. The case is now ruling issued.");
        browser.Driver.FindElement(By.Id("arbitration")).Text.Should().Contain("Partial refund, the buyer keeps the item · 150.00 CNY · by arb-lee");
        browser.Screenshot("desk-ruled");
        var ruled = await host.GetAsync(Roles.Arbitrator, Lee, id);
        ruled.State.Should().Be(DisputeState.RulingIssued);
        ruled.Arbitration.Single().Rulings.Single().Terms.Should().Be(new RulingTerms(RulingOutcome.PartialRefund, Yuan(150),
            "An intermittent fault the bench test could miss", ShippingPayer.Seller, 0, null));
    }

    [SkippableFact]
    public async Task ARulingAboveTheRefundableMaximum_IsRefusedOnThePage_AndTheCaseStaysAsItWas()
    {
        var (host, browser) = await desk.StartAsync();
        var id = await EscalatedCaseAsync(host, "desk-over");
        var before = await host.ActAsync(Roles.Arbitrator, Lee, id, "assignment");

        await SignInAsync(host, browser, Roles.Arbitrator, Lee);
        browser.Visible($"#queue-table tr[data-dispute='{id}'] button").Click();
        browser.Choose("ruling-outcome", "PartialRefund");
        browser.Driver.FindElement(By.Id("ruling-amount")).SendKeys("400.00");
        browser.Driver.FindElement(By.Id("ruling-rationale")).SendKeys("Too generous");
        browser.Driver.FindElement(By.CssSelector(".ruling-form button[type=submit]")).Click();

        browser.Visible("#ruling-amount-error").Text.Should().Be("The refund cannot be more than the refundable maximum of 399.00 CNY.");
        browser.Driver.FindElement(By.Id("ruling-amount")).GetAttribute("aria-invalid").Should().Be("true");
        browser.Driver.SwitchTo().ActiveElement().GetAttribute("id").Should().Be("ruling-amount", "focus moves to the field to fix");
        browser.Screenshot("desk-validation");
        var after = await host.GetAsync(Roles.Arbitrator, Lee, id);
        after.Version.Should().Be(before.Version);
        after.State.Should().Be(DisputeState.AwaitingRuling);
        after.Arbitration.Single().Rulings.Should().BeEmpty();
    }

    [SkippableFact]
    public async Task AnAppeal_IsOfferedToADifferentArbitrator_NotToTheOneWhoRuled()
    {
        var (host, browser) = await desk.StartAsync();
        var id = await EscalatedCaseAsync(host, "desk-appeal");
        await host.ActAsync(Roles.Arbitrator, Lee, id, "assignment");
        await host.ActAsync(Roles.Arbitrator, Lee, id, "ruling", new RulingTerms(RulingOutcome.ClaimRejected, Rationale: "No fault shown"));
        await host.ActAsync(Roles.Buyer, Ana, id, "appeals", new AppealRequest("The fault is in the photo"));

        await SignInAsync(host, browser, Roles.Arbitrator, Lee);
        browser.Visible($"#queue-table tr[data-dispute='{id}'] button").Click();
        browser.Visible("#appeal-note").Text.Should().StartWith("Appeals are reviewed by a different arbitrator");
        browser.Driver.FindElement(By.Id("arbitration")).Text.Should().Contain("Appeal").And.Contain("The fault is in the photo");
        browser.Driver.FindElements(By.XPath("//button[text()='Take this appeal']")).Should().BeEmpty();

        await SignInAsync(host, browser, Roles.Arbitrator, Kim);
        browser.Visible($"#queue-table tr[data-dispute='{id}'] button").Click();
        browser.Visible("#case-actions button.primary").Text.Should().Be("Take this appeal");
        browser.Driver.FindElement(By.CssSelector("#case-actions button.primary")).Click();
        browser.Visible("#form-appeal-uphold-title").Text.Should().Be("Uphold the ruling");
        (await host.GetAsync(Roles.Arbitrator, Kim, id)).Arbitration.Single().ReviewerId.Should().Be(Kim);
    }

    [SkippableFact]
    public async Task RequestingMoreEvidence_FromTheSeller_PutsTheCaseInAwaitingMoreEvidence()
    {
        var (host, browser) = await desk.StartAsync();
        var id = await EscalatedCaseAsync(host, "desk-more");
        await host.ActAsync(Roles.Arbitrator, Lee, id, "assignment");

        await SignInAsync(host, browser, Roles.Arbitrator, Lee);
        browser.Visible($"#queue-table tr[data-dispute='{id}'] button").Click();
        browser.Choose("evidence-request-from", "Seller");
        browser.Driver.FindElement(By.Id("evidence-request-text")).SendKeys("The full bench log, please");
        browser.Driver.FindElement(By.XPath("//button[text()='Request evidence']")).Click();

        browser.ShouldRead("#status", "Evidence requested. The case is now awaiting more evidence.");
        var after = await host.GetAsync(Roles.Arbitrator, Lee, id);
        after.State.Should().Be(DisputeState.AwaitingMoreEvidence);
        after.Arbitration.Single().PendingRequest.Should().Be(new MoreEvidenceRequest(Disputes.Party.Seller, "The full bench log, please"));
    }

    [SkippableFact]
    public async Task ASellersToken_IsTurnedAwayWithAMessage()
    {
        var (host, browser) = await desk.StartAsync();

        await SignInAsync(host, browser, Roles.Seller, Flagship, expectQueue: false);

        browser.Visible("#token-error").Text.Should().Be("This token is for a seller; the desk is for arbitrators (or the platform).");
        browser.Driver.FindElement(By.Id("queue")).Displayed.Should().BeFalse();
    }

    [SkippableFact]
    public async Task ATwoLinePartialReturn_ShowsEachLinesUnitsCeilingAndWhatCameBack()
    {
        var (host, browser) = await desk.StartAsync();
        using var platform = await host.ClientAsync(Roles.Platform, "platform");
        (await platform.PostJsonAsync("/api/v1/orders", Peripherals("desk-lines"))).StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
        using var ana = await host.ClientAsync(Roles.Buyer, Ana);
        var id = (await OpenAsync(ana, new Contracts.OpenDisputeBody("desk-lines", "line-mouse", RequestKind.ReturnAndRefund,
            RequestReason.Defective, "Two mice double-click, the keyboard misses keys", Yuan(400), IncludedLineIds: ["line-pad"], Quantity: 2,
            OtherLines: [new RequestedLine("line-keyboard", 1)]))).Id;
        await host.ActAsync(Roles.Seller, Flagship, id, "approve");
        await host.ActAsync(Roles.Buyer, Ana, id, "return-shipment", new ShipmentDetails("SF Express", "SF-DESK", Postage: Yuan(15)));
        await host.ActAsync(Roles.Seller, Flagship, id, "receipt", new ConditionReport(ConditionIssue.None, [],
            Received: [new RequestedLine("line-mouse", 1), new RequestedLine("line-keyboard", 1), new RequestedLine("line-pad", 1)]));
        await host.ActAsync(Roles.Buyer, Ana, id, "escalation", new EscalationRequest("Both mice were in the box"));

        await SignInAsync(host, browser, Roles.Arbitrator, Lee);
        browser.Visible($"#queue-table tr[data-dispute='{id}'] button").Click();
        browser.Wait(d => d.FindElement(By.Id("case-title")).Text == $"Dispute {id}", "the case is open");

        var order = browser.Driver.FindElement(By.Id("order")).Text;
        order.Should().Contain("line-mouse (disputed)").And.Contain("2 of 3").And.Contain("1 of 1").And.Contain("2 of 3 (gift with line-mouse)");
        order.Should().Contain("Received back: 1 of line line-mouse, 1 of line line-keyboard, 1 of line line-pad");
        browser.Driver.FindElement(By.Id("claim")).Text.Should().Contain("Refundable maximum\n400.00 CNY").And.Contain("paid by the seller");
        browser.Screenshot("desk-lines");
    }

    [SkippableFact]
    public async Task AnOnSiteRepairEscalatedBeforeTheVisit_ShowsTheVisitsOnTheRepair()
    {
        var (host, browser) = await desk.StartAsync();
        using var platform = await host.ClientAsync(Roles.Platform, "platform");
        (await platform.PostJsonAsync("/api/v1/orders", Router("desk-visit", Ben, deliveredDaysAgo: 240, onSite: true)))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
        using var ben = await host.ClientAsync(Roles.Buyer, Ben);
        var id = (await OpenAsync(ben, new Contracts.OpenDisputeBody("desk-visit", "line-1", RequestKind.Repair, RequestReason.Defective,
            "Wi-Fi drops every evening", Repair: new RepairApplication("AX3000", "SN-1", "wifi-drops", "Wi-Fi drops every evening", null, [])))).Id;
        var slot = DateTimeOffset.UtcNow.Date.AddDays(2).AddHours(10);
        await host.ActAsync(Roles.Seller, Flagship, id, "approve");
        await host.ActAsync(Roles.ServiceCenter, ServiceCenter, id, "visits", new VisitSlot(slot, slot.AddHours(2), "Technician Wang"));
        await host.ActAsync(Roles.Buyer, Ben, id, "visit/other-slot", new OtherSlotRequest("Evenings only"));
        await host.ActAsync(Roles.ServiceCenter, ServiceCenter, id, "visits", new VisitSlot(slot.AddHours(8), slot.AddHours(10)));
        await host.ActAsync(Roles.Buyer, Ben, id, "visit/accept");
        await host.ActAsync(Roles.Buyer, Ben, id, "escalation", new EscalationRequest("They keep moving the visit"));

        await SignInAsync(host, browser, Roles.Arbitrator, Lee);
        browser.Visible($"#queue-table tr[data-dispute='{id}'] button").Click();
        browser.Wait(d => d.FindElement(By.Id("case-title")).Text == $"Dispute {id}", "the case is open");

        var repair = browser.Driver.FindElement(By.Id("repair")).Text;
        repair.Should().Contain("(on-site service)").And.Contain("Technician Wang").And.Contain("Another slot asked for").And.Contain("Evenings only").And.Contain("Accepted");
        browser.Screenshot("desk-visits");
    }

    /// <summary>
    /// The platform's service-level page over the demo data: the open backlog by state and age, drawn as stacked bars
    /// and tabled, the arbitrators' open cases, the deadlines near; each table's CSV is exactly what the page shows.
    /// </summary>
    [SkippableFact]
    public async Task TheServiceLevelPage_ChartsTheBacklogAndWorkload_AndItsCsvIsThePagesTable()
    {
        var (host, browser) = await desk.StartAsync();
        await SignInAsync(host, browser, Roles.Platform, "platform");

        browser.Visible("#views button[data-view='service']").Click();

        browser.Wait(d => d.FindElements(By.CssSelector("#backlog-table tbody tr")).Count > 0, "the backlog is tabled");
        var backlog = Rows(browser, "backlog-table");
        backlog.Should().Contain(row => row[0] == "Platform stepped in: collecting evidence", "the demo's escalated case collects evidence")
            .And.Contain(row => row[0] == "Awaiting the seller's response", "the demo's no-reason return waits for the store");
        backlog.Should().AllSatisfy(row => int.Parse(row[5], CultureInfo.InvariantCulture).Should().Be(row.Skip(1).Take(4).Sum(c => int.Parse(c, CultureInfo.InvariantCulture))));
        var bars = browser.Driver.FindElements(By.CssSelector("#backlog-chart rect[data-value]"));
        bars.Sum(bar => int.Parse(bar.GetAttribute("data-value")!, CultureInfo.InvariantCulture))
            .Should().Be(backlog.Sum(row => int.Parse(row[5], CultureInfo.InvariantCulture)), "the chart draws every open case the table counts");
        Csv(browser, "backlog-csv").Should().BeEquivalentTo([Headers(browser, "backlog-table"), .. backlog], o => o.WithStrictOrdering());
        Rows(browser, "workload-table").Should().Contain(row => row[0] == "unassigned");
        Csv(browser, "workload-csv").Skip(1).Should().BeEquivalentTo(Rows(browser, "workload-table"), o => o.WithStrictOrdering());
        browser.Driver.FindElement(By.Id("service-summary")).Text.Should().NotBeEmpty();
        browser.Driver.FindElement(By.CssSelector("#views button[aria-current=page]")).Text.Should().Be("Service levels");
        browser.Screenshot("desk-service-levels");
    }

    /// <summary>
    /// The store ranking of the running period over the demo data, worst first: every store with its level and figures,
    /// their points drawn as bars coloured by level, and the CSV export the same rows as the page; then the last month's
    /// stored assessment.
    /// </summary>
    [SkippableFact]
    public async Task TheStoreRanking_ShowsEveryStoreWorstFirst_AndItsCsvIsThePagesTable()
    {
        var (host, browser) = await desk.StartAsync();
        await SignInAsync(host, browser, Roles.Platform, "platform");

        browser.Visible("#views button[data-view='stores']").Click();

        browser.Wait(d => d.FindElements(By.CssSelector("#ranking-table tbody tr")).Count >= 2, "the demo's two stores are ranked");
        var rows = Rows(browser, "ranking-table");
        rows.Select(row => row[1]).Should().Contain([Flagship, Reseller]);
        rows.Select(row => row[0]).Should().Equal(Enumerable.Range(1, rows.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        rows.Should().AllSatisfy(row => row[2].Should().BeOneOf("Good", "Warning", "Restricted"));
        browser.Driver.FindElements(By.CssSelector("#ranking-chart text.label")).Select(label => label.Text).Should().Equal(rows.Select(row => row[1]),
            "the chart has a bar row per store, in the table's order");
        browser.Driver.FindElements(By.CssSelector("#ranking-chart rect[data-value]")).Sum(bar => int.Parse(bar.GetAttribute("data-value")!, CultureInfo.InvariantCulture))
            .Should().Be(rows.Sum(row => int.Parse(row[3], CultureInfo.InvariantCulture)), "the bars draw every store's requests");
        browser.TextOf("#ranking-caption").Should().Contain("so far");
        Csv(browser, "ranking-csv").Should().BeEquivalentTo([Headers(browser, "ranking-table"), .. rows], o => o.WithStrictOrdering());
        browser.Screenshot("desk-ranking");

        // The demo's oldest order is months old: the host assessed every month since when it started.
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, shanghai);
        var lastMonth = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        browser.Choose("ranking-period", "latest");
        browser.Driver.FindElement(By.CssSelector("#ranking-form button[type=submit]")).Click();
        browser.Wait(d => d.FindElement(By.Id("ranking-caption")).Text.StartsWith($"{lastMonth}, assessed", StringComparison.Ordinal), "the last month's assessment is shown");
        Rows(browser, "ranking-table").Select(row => row[1]).Should().Contain(Flagship);
    }

    // Each body row's cells, as text.
    private static List<List<string>> Rows(Browser browser, string tableId) =>
        [.. browser.Driver.FindElements(By.CssSelector($"#{tableId} tbody tr")).Select(row => row.FindElements(By.TagName("td")).Select(cell => cell.Text).ToList())];

    private static List<string> Headers(Browser browser, string tableId) =>
        [.. browser.Driver.FindElements(By.CssSelector($"#{tableId} thead th")).Select(cell => cell.GetAttribute("textContent")!)];

    // The CSV a download link carries, parsed (RFC 4180: quoted fields may hold commas and doubled quotes).
    private static List<List<string>> Csv(Browser browser, string linkId)
    {
        var href = browser.Driver.FindElement(By.Id(linkId)).GetAttribute("href")!;
        href.Should().StartWith("data:text/csv;charset=utf-8,");
        var text = Uri.UnescapeDataString(href["data:text/csv;charset=utf-8,".Length..]);
        var rows = new List<List<string>>();
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                if (quoted && line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (line[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (line[i] == ',' && !quoted)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(line[i]);
                }
            }

            fields.Add(field.ToString());
            rows.Add(fields);
        }

        return rows;
    }

    /// <summary>A return the store rejected and the buyer escalated, with a photo from the buyer and a bench log from the store.</summary>
    [SkippableFact]
    public async Task InChinese_TheDeskShowsItsOwnWordsAndTheEnginesInChinese_AndKeepsTheChoice()
    {
        var (host, browser) = await desk.StartAsync();
        var id = await EscalatedCaseAsync(host, "desk-chinese");
        await SignInAsync(host, browser, Roles.Arbitrator, Lee);

        browser.Choose("language", "zh-CN");

        browser.ShouldRead("#queue-title", "平台介入的售后申请");
        browser.TextOf("h1").Should().Be("仲裁工作台");
        browser.Driver.ExecuteScript("return document.documentElement.lang").Should().Be("zh-CN");
        browser.TextOf("#who").Should().Be($"已登录：{Lee}（arbitrator）");
        browser.TextOf("#filter-state option[value='CollectingEvidence']").Should().Be("平台介入：举证中", "the filter's states are the API's labels");
        var row = $"#queue-table tr[data-dispute='{id}']";
        browser.Wait(d => d.FindElement(By.CssSelector(row)).Text.Contains("等待平台裁决", StringComparison.Ordinal), "the queue is drawn again in Chinese");
        browser.TextOf(row).Should().Contain("退货退款").And.Contain("未分配").And.MatchRegex(@"剩余 \d+天 \d\d时 \d\d分 \d\d秒");

        browser.Driver.Navigate().Refresh();
        browser.ShouldRead("#queue-title", "平台介入的售后申请");
        browser.Visible($"#queue-table tr[data-dispute='{id}'] button").Click();
        browser.Wait(d => d.FindElement(By.Id("case-title")).Text == $"售后申请 {id}", "the case is open, in the language kept from before the reload");
        browser.TextOf("#claim").Should().Contain("等待平台裁决").And.Contain("最高可退金额");
        browser.TextOf("#timeline").Should().Contain("申请平台介入").And.Contain("拒绝申请").And.Contain("买家");
        browser.TextOf("#eligibility").Should().Contain("符合售后条件").And.MatchRegex("通过.*[\u4e00-\u9fff]", "the trace's reasons come from the API in Chinese");
        browser.TextOf("#evidence article[data-party='Buyer'] h4").Should().Be("买家举证");

        browser.Visible("#case-actions button.primary").Text.Should().Be("领取此案");
        browser.Driver.FindElement(By.CssSelector("#case-actions button.primary")).Click();
        browser.ShouldRead("#status", "您已领取此案。申请当前状态：等待平台裁决。");
        browser.Visible(".ruling-form .form-title").Text.Should().Be("作出裁决");
        browser.TextOf("label[for='ruling-rationale']").Should().Be("裁决理由（双方都会看到）");
        browser.TextOf("#ruling-outcome option[value='PartialRefund']").Should().Be("部分退款（买家保留商品）");
        browser.Choose("ruling-outcome", "PartialRefund");
        browser.Driver.FindElement(By.Id("ruling-amount")).SendKeys("400.00");
        browser.Driver.FindElement(By.Id("ruling-rationale")).SendKeys("金额过高");
        browser.Driver.FindElement(By.CssSelector(".ruling-form button[type=submit]")).Click();
        browser.Visible("#ruling-amount-error").Text.Should().Be("退款金额不能超过最高可退金额 399.00 CNY。");
        browser.Screenshot("desk-zh-CN");

        browser.Choose("language", "en");
        browser.Wait(d => d.FindElement(By.Id("case-title")).Text == $"Dispute {id}", "the case is drawn again in English");
        browser.TextOf("#claim").Should().Contain("Awaiting the platform's ruling");
        (await host.GetAsync(Roles.Arbitrator, Lee, id)).State.Should().Be(DisputeState.AwaitingRuling, "the refused ruling was never sent");
    }

    private static async Task<string> EscalatedCaseAsync(HostProcess host, string orderId)
    {
        var id = await host.OpenReturnAsync(orderId);
        await host.ActAsync(Roles.Seller, Flagship, id, "reject", new RejectionReason("no-fault-found", "Works on our bench"));
        await host.ActAsync(Roles.Buyer, Ana, id, "escalation", new EscalationRequest("It reboots every hour"));
        var photo = await host.UploadAsync(Roles.Buyer, Ana, id, s_photo, "reboot.png", "image/png");
        var log = await host.UploadAsync(Roles.Seller, Flagship, id, "%PDF-1.7 bench log"u8.ToArray(), "bench.pdf", "application/pdf");
        await host.ActAsync(Roles.Buyer, Ana, id, "evidence", new EvidenceSubmission("It reboots every hour, photo attached", [photo]));
        await host.ActAsync(Roles.Seller, Flagship, id, "evidence", new EvidenceSubmission("Works on our bench for 48 hours", [log]));
        return id;
    }

    private static async Task SignInAsync(HostProcess host, Browser browser, string role, string party, bool expectQueue = true)
    {
        browser.Driver.Navigate().GoToUrl(new Uri(host.BaseAddress, "/desk"));
        // A test that switched the language leaves its choice in the browser's storage: the others read the desk in English.
        if (browser.Driver.ExecuteScript("return localStorage.getItem('desk.language')") is not null)
        {
            browser.Driver.ExecuteScript("localStorage.removeItem('desk.language')");
            browser.Driver.Navigate().Refresh();
        }

        var signedIn = browser.Visible("#token, #sign-out"); // the page signs in again with a token kept from an earlier test
        if (signedIn.GetAttribute("id") == "sign-out")
        {
            signedIn.Click();
        }

        var token = browser.Visible("#token");
        token.SendKeys(await host.TokenAsync(role, party));
        browser.Driver.FindElement(By.CssSelector("#sign-in-form button[type=submit]")).Click();
        if (expectQueue)
        {
            browser.Visible("#queue-title");
            browser.Driver.FindElement(By.Id("who")).Text.Should().Be($"Signed in as {party} ({role})");
        }
    }

    /// <summary>One host with demo data and one browser for the class, started by the first test that runs.</summary>
    public sealed class Desk : IAsyncLifetime
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private HostProcess? _host;
        private Browser? _browser;

        public async Task<(HostProcess Host, Browser Browser)> StartAsync()
        {
            await _gate.WaitAsync();
            try
            {
                _browser ??= Browser.Start();
                _host ??= await HostProcess.StartAsync(seedDemoData: true);
                return (_host, _browser);
            }
            finally
            {
                _gate.Release();
            }
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            _browser?.Dispose();
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }

            _gate.Dispose();
        }
    }
}
