using AfterSales.Disputes.Api.Tests.Support;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>Behind a listed reverse proxy, each client has its own rate limit; an unlisted sender's header counts for nothing.</summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task BehindAKnownProxy_EachForwardedClientHasItsOwnRateLimit()
    {
        await using var host = await HostProcess.StartAsync(settings: [("AfterSales__Proxy__KnownProxies__0", "127.0.0.1"), ("AfterSales__RateLimit__PermitsPerMinute", "50")]);

        var first = await RemainingAsync(host, "203.0.113.5");
        var again = await RemainingAsync(host, "203.0.113.5");
        var other = await RemainingAsync(host, "203.0.113.6");

        again.Should().Be(first - 1, "the same client spends its own budget");
        other.Should().Be(first, "another client behind the same proxy has a budget of its own");
    }

    [Fact]
    public async Task WithoutAKnownProxy_TheForwardedHeaderIsIgnored()
    {
        await using var host = await HostProcess.StartAsync(settings: [("AfterSales__RateLimit__PermitsPerMinute", "50")]);

        var first = await RemainingAsync(host, "203.0.113.5");
        var other = await RemainingAsync(host, "203.0.113.6");

        other.Should().Be(first - 1, "anyone could send the header: both requests are the one connection's");
    }

    // An anonymous request (answered 401) is limited by the client's address.
    private static async Task<int> RemainingAsync(HostProcess host, string client)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/disputes");
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await http.SendAsync(request);
        return int.Parse(response.Headers.GetValues("RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
