using System.Net;
using System.Text;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Disputes.Api.Tests.Auth;

public class TokenTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public TokenTests(ApiFactory api) => _api = api;

    public static TheoryData<string> BadTokens => new() { "missing", "expired", "wrong-key", "alg-none", "wrong-audience", "garbage" };

    [Fact]
    public async Task AValidToken_IsAccepted()
    {
        using var client = _api.As(Roles.Buyer, "buyer-ana");

        (await client.GetAsync("/api/v1/disputes")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task AMissingExpiredForgedUnsignedOrMisaddressedToken_Gets401WithProblemDetails(string kind)
    {
        var token = kind switch
        {
            "missing" => null,
            "expired" => _api.Token(Roles.Buyer, "buyer-ana", lifetime: TimeSpan.FromMinutes(-5)),
            "wrong-key" => _api.Token(Roles.Buyer, "buyer-ana", key: "another-key-that-is-long-enough-0123456789"),
            "alg-none" => Unsigned(_api.Token(Roles.Buyer, "buyer-ana")),
            "wrong-audience" => _api.Token(Roles.Buyer, "buyer-ana", audience: "someone-else"),
            _ => "not.a.token",
        };
        using var client = _api.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        var response = await client.GetAsync("/api/v1/disputes");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.ReadAsync<ProblemDetails>())!.Type.Should().Be("/problems/unauthorized");
    }

    [Fact]
    public void TheTokenCommand_PrintsATokenForARoleAndParty_AndRefusesUnknownRoles()
    {
        var options = new Hosting.ApiOptions { Auth = { SigningKey = "a-signing-key-that-is-long-enough-for-hs256" } };
        using var output = new StringWriter();
        using var error = new StringWriter();

        TokenCommand.Run(["token", "--role", "seller", "--party", "store-1"], options, output, error).Should().Be(0);
        TokenCommand.Run(["token", "--role", "king", "--party", "me"], options, TextWriter.Null, error).Should().Be(2);

        var payload = Encoding.UTF8.GetString(Base64Url(output.ToString().Trim().Split('.')[1]));
        payload.Should().Contain("\"sub\":\"store-1\"").And.Contain("\"role\":\"seller\"").And.Contain("\"aud\":\"aftersales-api\"");
        error.ToString().Should().StartWith("usage: token --role <buyer|seller|arbitrator|servicecenter|platform>");
    }

    [Theory]
    [InlineData("-10")]
    [InlineData("0")]
    [InlineData("ten")]
    [InlineData("20000")]
    public void ALifetimeThatIsNotOneMinuteToAWeek_IsRefused_NotReplacedByTheDefault(string minutes)
    {
        var options = new Hosting.ApiOptions { Auth = { SigningKey = "a-signing-key-that-is-long-enough-for-hs256" } };
        using var output = new StringWriter();
        using var error = new StringWriter();

        TokenCommand.Run(["token", "--role", "seller", "--party", "store-1", "--minutes", minutes], options, output, error).Should().Be(2);

        output.ToString().Should().BeEmpty();
        error.ToString().Trim().Should().Be($"--minutes takes a whole number of minutes from 1 to 10080 (a week); '{minutes}' is not one.");
    }

    // The same claims with "alg":"none" and no signature: what an attacker would try.
    private static string Unsigned(string token)
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}""")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{header}.{token.Split('.')[1]}.";
    }

    private static byte[] Base64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
