using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Disputes.Api.Tests.Support;

/// <summary>An OpenID Connect authority: metadata and a JWKS, with the keys it publishes changeable.</summary>
public sealed class TestAuthority : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile SecurityKey[] _published;

    private TestAuthority(WebApplication app, RsaSecurityKey rsa, ECDsaSecurityKey ecdsa)
    {
        _app = app;
        Rsa = rsa;
        Ecdsa = ecdsa;
        _published = [rsa, ecdsa];
    }

    public RsaSecurityKey Rsa { get; }

    public ECDsaSecurityKey Ecdsa { get; }

    public string Issuer => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/";

    public static RsaSecurityKey NewRsa(string id) => new(RSA.Create(2048)) { KeyId = id };

    public static async Task<TestAuthority> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var authority = new TestAuthority(app, NewRsa("rsa-1"), new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "ec-1" });
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority.Issuer, ["jwks_uri"] = authority.Issuer + ".well-known/jwks.json",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256", "ES256" },
        }));
        app.MapGet("/.well-known/jwks.json", () => Results.Json(new { keys = authority._published.Select(Jwk).ToArray() }));
        await app.StartAsync();
        return authority;
    }

    public void Publish(params SecurityKey[] keys) => _published = keys;

    /// <summary>A token signed by <paramref name="key"/>, with the role and party in the claims named by <paramref name="claims"/> (default marketplace_role and uid).</summary>
    public string Token(SecurityKey key, string role, string party, string audience = "aftersales-api", (string Role, string Party)? claims = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        Subject = new ClaimsIdentity([new Claim(claims?.Role ?? "marketplace_role", role), new Claim(claims?.Party ?? "uid", party)]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(key, key is RsaSecurityKey ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.EcdsaSha256),
    });

    // The public half only, as a JWKS lists it.
    private static Dictionary<string, string> Jwk(SecurityKey key)
    {
        if (key is RsaSecurityKey rsa)
        {
            var parameters = rsa.Rsa.ExportParameters(includePrivateParameters: false);
            return new()
            {
                ["kty"] = "RSA", ["kid"] = rsa.KeyId, ["use"] = "sig", ["alg"] = "RS256",
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
        }

        var ec = ((ECDsaSecurityKey)key).ECDsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "EC", ["kid"] = key.KeyId, ["use"] = "sig", ["alg"] = "ES256", ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(ec.Q.X), ["y"] = Base64UrlEncoder.Encode(ec.Q.Y),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
