using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

public class CrossOriginTests
{
    /// <summary>A browser may call the API from a configured origin, and reads the headers the API sends; from any other origin it may not.</summary>
    [Fact]
    public async Task ABrowser_CallsFromAConfiguredOriginOnly()
    {
        using var api = new ApiFactory { Settings = [("AfterSales:Cors:AllowedOrigins:0", "https://shop.example")] };
        using var client = api.As(Roles.Seller, Flagship);

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/flows") { Headers = { { "Origin", "https://shop.example" } } };
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/v1/flows") { Headers = { { "Origin", "https://evil.example" } } };
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/disputes/d-1/approve")
        {
            Headers = { { "Origin", "https://shop.example" }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "authorization,if-match,content-type" } },
        };
        var fromShop = await client.SendAsync(allowed);
        var fromElsewhere = await client.SendAsync(foreign);
        using var anonymous = api.CreateClient();
        var preflighted = await anonymous.SendAsync(preflight);

        fromShop.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://shop.example");
        string.Join(",", fromShop.Headers.GetValues("Access-Control-Expose-Headers")).Should().Contain("ETag").And.Contain("RateLimit-Remaining");
        fromElsewhere.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        preflighted.StatusCode.Should().Be(HttpStatusCode.NoContent, "a preflight carries no token and is answered before authentication");
        string.Join(",", preflighted.Headers.GetValues("Access-Control-Allow-Headers")).Should().ContainEquivalentOf("if-match");
    }
}
