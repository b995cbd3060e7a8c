using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>A buyer reads a store's after-sales policy before buying, and a case opened then freezes the same terms.</summary>
public sealed class StorePolicyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ABuyer_ReadsTheStoresPolicyBeforeBuying_AndTheCaseOpenedAfterFreezesTheSameTerms()
    {
        using var buyer = api.As(Roles.Buyer, Ana);

        var before = (await (await buyer.GetAsync($"/api/v1/stores/{Flagship}/policy?region=CN&brand=Linkwave")).ReadAsync<FrozenPolicyResponse>())!;
        var dispute = await OpenAsync(api, "o-policy-before");
        var frozen = (await (await buyer.GetAsync($"/api/v1/disputes/{dispute.Id}/policy")).ReadAsync<FrozenPolicyResponse>())!;

        before.StoreId.Should().Be(Flagship);
        before.StoreType.Should().Be(StoreType.OfficialFlagship);
        before.Terms.Should().NotBeEmpty();
        frozen.Should().BeEquivalentTo(before, "what the buyer read is what the case was opened under");
    }

    [Fact]
    public async Task WithoutTheBrand_TheWarrantyIsLeftOut_AndAnUnknownStoreOrRegionIsNotFound()
    {
        using var buyer = api.As(Roles.Buyer, Ana);

        var withBrand = (await (await buyer.GetAsync($"/api/v1/stores/{Flagship}/policy?region=CN&brand=Linkwave")).ReadAsync<FrozenPolicyResponse>())!;
        var withoutBrand = (await (await buyer.GetAsync($"/api/v1/stores/{Flagship}/policy?region=CN")).ReadAsync<FrozenPolicyResponse>())!;

        withBrand.Version.Should().Contain("Linkwave");
        withoutBrand.Version.Should().NotContain("Linkwave");
        (await buyer.GetAsync("/api/v1/stores/store-nobody/policy?region=CN")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await buyer.GetAsync($"/api/v1/stores/{Flagship}/policy?region=XX")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await buyer.GetAsync($"/api/v1/stores/{Flagship}/policy")).StatusCode.Should().Be(HttpStatusCode.BadRequest, "the region is required");
    }
}
