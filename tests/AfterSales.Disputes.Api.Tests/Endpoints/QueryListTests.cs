using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>A list in the query string is its name repeated (<c>?state=A&amp;state=B</c>), and may be left out.</summary>
public sealed class QueryListTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheStatesOfAListOfDisputes_AreEachGiven_OrLeftOut()
    {
        var waiting = await World.OpenAsync(api, "o-list-waiting", buyer: Ben);
        var rejected = await World.OpenAsync(api, "o-list-rejected", buyer: Ben);
        await ActAsync(api, Roles.Seller, Flagship, rejected.Id, "reject", new { reasonCode = "item-as-described" });
        using var buyer = api.As(Roles.Buyer, Ben);

        async Task<IEnumerable<string>> IdsAsync(string query)
        {
            var response = await buyer.GetAsync("/api/v1/disputes" + query);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.ReadAsync<DisputePage>())!.Items.Select(d => d.Id);
        }

        (await IdsAsync("?state=RejectedBySeller")).Should().Equal(rejected.Id);
        (await IdsAsync("?state=RejectedBySeller&state=AwaitingSellerResponse")).Should().BeEquivalentTo([waiting.Id, rejected.Id]);
        (await IdsAsync("")).Should().BeEquivalentTo([waiting.Id, rejected.Id]);
    }

    [Fact]
    public async Task TheLinesIncludedInAPreview_AreEachGiven()
    {
        await RegisterAsync(api, Peripherals("o-list-gifts"));
        using var buyer = api.As(Roles.Buyer, Ana);
        const string Preview = "/api/v1/orders/o-list-gifts/eligibility?lineId=line-mouse&kind=ReturnAndRefund&reason=NoReason";

        async Task<RuleCheck> GiftRuleAsync(string query)
        {
            var response = await buyer.GetAsync(Preview + query);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.ReadAsync<EligibilityDecision>())!.Trace.Single(c => c.Rule == "gift-with-main-item");
        }

        (await GiftRuleAsync("")).Passed.Should().BeFalse("the mouse pads come back with the mice");
        (await GiftRuleAsync("&includedLineIds=line-keyboard&includedLineIds=line-pad")).Passed.Should().BeTrue("the second value is bound too");
    }
}
