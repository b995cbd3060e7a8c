using System.Net;
using System.Net.Http.Headers;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.Api.Tests.Auth;

/// <summary>
/// In Production the host takes the tokens of an OpenID Connect authority: its RS256 and ES256 keys from its JWKS, a
/// rotated key once it is published, the role and party from the claims it is told to read; and no token of the
/// development command. The authority is a real HTTP server on a loopback port, serving its metadata and keys.
/// </summary>
public sealed class OidcTests : IAsyncLifetime
{
    private TestAuthority _authority = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _authority = await TestAuthority.StartAsync();
        _api = new ApiFactory
        {
            Environment = "Production",
            Settings =
            [
                ("AfterSales:Auth:Authority", _authority.Issuer), ("AfterSales:Auth:RequireHttpsMetadata", "false"),
                ("AfterSales:Auth:RoleClaim", "marketplace_role"), ("AfterSales:Auth:PartyClaim", "uid"),
                ("AfterSales:Auth:KeyRefreshInterval", "00:00:01"),
            ],
        };
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _authority.DisposeAsync();
    }

    [Fact]
    public async Task TheAuthoritysRs256AndEs256Tokens_AreTaken_WithTheRoleAndPartyFromTheConfiguredClaims()
    {
        var seller = _authority.Token(_authority.Rsa, "seller", "store-oidc");
        var buyer = _authority.Token(_authority.Ecdsa, "buyer", "buyer-oidc");

        var subscribed = await SendAsync(HttpMethod.Post, "/api/v1/webhooks/subscriptions", seller, """{"url":"https://203.0.113.10/hooks"}""");
        var buyerList = await SendAsync(HttpMethod.Get, "/api/v1/webhooks/subscriptions", buyer);

        subscribed.StatusCode.Should().Be(HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync());
        (await subscribed.ReadAsync<WebhookSubscription>())!.StoreId.Should().Be("store-oidc", "the party id is the uid claim");
        buyerList.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the ES256 token is taken, and its role claim says buyer");
    }

    [Fact]
    public async Task ARotatedKey_KeepsTokensWorking_OnceTheAuthorityPublishesIt()
    {
        (await SendAsync(HttpMethod.Get, "/api/v1/flows", _authority.Token(_authority.Rsa, "buyer", "buyer-oidc"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var next = TestAuthority.NewRsa("rsa-2");
        _authority.Publish(next, _authority.Ecdsa); // the old RSA key is retired
        var token = _authority.Token(next, "buyer", "buyer-oidc");
        HttpStatusCode status = default;
        for (var attempt = 0; attempt < 30 && status != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 200); // the host fetches keys again at most once a second (KeyRefreshInterval)
            status = (await SendAsync(HttpMethod.Get, "/api/v1/flows", token)).StatusCode;
        }

        status.Should().Be(HttpStatusCode.OK, "a token signed with a key the host has not seen makes it fetch the authority's keys again");
    }

    [Fact]
    public async Task TheDevelopmentCommandsToken_AnotherAudience_AndAnUnknownSigner_AreRefused()
    {
        var development = TokenIssuer.Mint(new string('k', 40), "aftersales", "aftersales-api", Roles.Buyer, "buyer-oidc", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        var otherAudience = _authority.Token(_authority.Rsa, "buyer", "buyer-oidc", audience: "another-api");
        var stranger = _authority.Token(TestAuthority.NewRsa("rsa-unknown"), "buyer", "buyer-oidc");

        (await SendAsync(HttpMethod.Get, "/api/v1/flows", development)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "HS256 tokens are for Development and sandboxes");
        (await SendAsync(HttpMethod.Get, "/api/v1/flows", otherAudience)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SendAsync(HttpMethod.Get, "/api/v1/flows", stranger)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a key the authority does not publish");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, string? json = null)
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }
}
