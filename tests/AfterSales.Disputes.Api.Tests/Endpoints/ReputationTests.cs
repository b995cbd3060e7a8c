using System.Net;
using System.Text.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Scorecards;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>A store's public reputation: what any buyer may read before buying, with no case data.</summary>
public sealed class ReputationTests : IDisposable
{
    private readonly ApiFactory _api = new();

    /// <summary>
    /// One request on 25 orders is a rate between 3 and 5 percent; a buyer reads it as a band, with no count, no case and no
    /// response time (too few requests to show one without pointing at a case).
    /// </summary>
    [Fact]
    public async Task ABuyer_ReadsAStoresReputation_AsBandsAndRatings_WithNoCaseData()
    {
        for (var order = 1; order <= 24; order++)
        {
            await RegisterAsync(_api, Router($"o-rep-{order}", store: Reseller));
        }

        var dispute = await OpenAsync(_api, "o-rep-25", store: Reseller);
        using var stranger = _api.As(Roles.Buyer, Ben);

        var response = await stranger.GetAsync($"/api/v1/stores/{Reseller}/reputation");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            ["storeId", "level", "averageRating", "ratings", "afterSalesRate", "medianResponse"], "a reputation holds these and nothing else");
        body.Should().NotContain(dispute.Id).And.NotContain("o-rep-");
        (await response.ReadAsync<StoreReputation>()).Should().BeEquivalentTo(new StoreReputation(Reseller, Level: null, AverageRating: null, Ratings: 0,
            AfterSalesRateBand.From3To5Percent, MedianResponse: null));
    }

    /// <summary>A store with fewer than twenty orders shows no band: one request would be a large share of them.</summary>
    [Fact]
    public async Task AStoreWithFewOrders_ShowsNoBand()
    {
        await OpenAsync(_api, "o-rep-small", store: Flagship);
        using var buyer = _api.As(Roles.Buyer, Ben);

        var reputation = (await (await buyer.GetAsync($"/api/v1/stores/{Flagship}/reputation")).ReadAsync<StoreReputation>())!;

        reputation.AfterSalesRate.Should().Be(AfterSalesRateBand.TooFewOrders);
    }

    public void Dispose() => _api.Dispose();
}
