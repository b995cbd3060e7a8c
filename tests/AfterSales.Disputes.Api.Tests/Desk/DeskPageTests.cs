using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Desk;

/// <summary>How the host serves the desk, and the two reads the desk adds to the API.</summary>
public sealed class DeskPageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheDesk_IsServedWithoutAToken_WithAContentSecurityPolicyThatKeepsItToTheHost()
    {
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var bare = await client.GetAsync("/desk");
        bare.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        bare.Headers.Location!.ToString().Should().EndWith("/desk/");

        var page = await client.GetAsync("/desk/");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'").And.Contain("frame-ancestors 'none'");
        page.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        (await client.GetAsync("/desk/desk.js")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/desk/desk.css")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EveryPartyTheEvidenceRequestFormOffers_IsOneTheApiAccepts()
    {
        // The form once offered "Both parties", a value the domain refuses: an arbitrator got an error for it.
        var script = Repository.ReadText("src/AfterSales.Disputes.Api/wwwroot/desk/desk.js");
        var form = script[script.IndexOf("function evidenceRequestForm()", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("\n}\n", StringComparison.Ordinal)];
        var offered = Regex.Matches(form, @"h\('option', \{ value: '([^']*)' \}").Select(m => m.Groups[1].Value).ToList();
        offered.Should().NotBeEmpty();

        foreach (var (from, i) in offered.Select((from, i) => (from, i)))
        {
            var dispute = await OpenAsync(api, $"order-evidence-from-{i}");
            await ActAsync(api, Roles.Seller, Flagship, dispute.Id, "reject", new { reasonCode = "item-as-described" });
            await ActAsync(api, Roles.Buyer, Ana, dispute.Id, "escalation", new { reason = "It is faulty" });
            await ActAsync(api, Roles.Arbitrator, "arb-desk", dispute.Id, "assignment");

            var asked = await ActAsync(api, Roles.Arbitrator, "arb-desk", dispute.Id, "evidence-requests", new { from, request = "The unboxing video" });

            asked.State.Should().Be(Disputes.DisputeState.AwaitingMoreEvidence, "the desk offers '{0}'", from);
        }
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("desk.js")]
    [InlineData("desk.css")]
    public void TheDesk_LoadsNothingFromAnotherHost_SoItWorksOffline(string file)
    {
        var text = Repository.ReadText($"src/AfterSales.Disputes.Api/wwwroot/desk/{file}");

        Regex.Matches(text, @"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase).Select(m => m.Value).Should().BeEmpty();
    }

    [Fact]
    public async Task AnArbitrator_ReadsTheOrderAndTheFrozenPolicyOfAnEscalatedCase()
    {
        var opened = await OpenAsync(api, "desk-reads");
        await ActAsync(api, Roles.Seller, Flagship, opened.Id, "reject", new { reasonCode = "no-fault-found" });
        await ActAsync(api, Roles.Buyer, Ana, opened.Id, "escalation", new { reason = "Still broken" });
        using var arbitrator = api.As(Roles.Arbitrator, "arb-lee");

        var order = await (await arbitrator.GetAsync($"/api/v1/disputes/{opened.Id}/order")).ReadAsync<Order>();
        var policy = await (await arbitrator.GetAsync($"/api/v1/disputes/{opened.Id}/policy")).ReadAsync<FrozenPolicyResponse>();

        order!.OrderId.Should().Be("desk-reads");
        order.Lines.Select(l => l.LineId).Should().Equal("line-1", "line-2");
        policy!.Version.Should().Be(opened.PolicyVersion);
        policy.Terms.Should().Contain(new PolicyTerm("Seller response before shipment", "2 days"))
            .And.Contain(t => t.Name == "Brand warranty" && t.Value.StartsWith("Linkwave", StringComparison.Ordinal))
            .And.Contain(new PolicyTerm("Refund attempts", "5 attempts"))
            .And.Contain(new PolicyTerm("Charge attempts", "3 attempts"))
            .And.Contain(new PolicyTerm("Repair review business days", "2 business days (CN)"))
            .And.Contain(new PolicyTerm("Return postage reimbursed", "up to 20.00 CNY when the seller pays return shipping"))
            .And.Contain(new PolicyTerm("No-reason exchange", "under the same rules as the no-reason return"));
        policy.Terms.Select(t => t.Name).Should().OnlyHaveUniqueItems().And.NotContain("Default");
    }
}
