using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Disputes.Api.Auth;

/// <summary>Mints and describes the host's HS256 bearer tokens.</summary>
public static class TokenIssuer
{
    /// <summary>The signing key from its configured text (at least 32 bytes of UTF-8).</summary>
    /// <exception cref="InvalidOperationException">The key is missing or too short.</exception>
    public static SymmetricSecurityKey SigningKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || Encoding.UTF8.GetByteCount(key) < 32)
        {
            throw new InvalidOperationException(
                "AfterSales:Auth:SigningKey must be configured with at least 32 bytes (for example through the AfterSales__Auth__SigningKey environment variable). Development has a key of its own.");
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>A token for <paramref name="role"/> and <paramref name="partyId"/>, valid for <paramref name="lifetime"/>.</summary>
    public static string Mint(string signingKey, string issuer, string audience, string role, string partyId, TimeSpan lifetime, DateTimeOffset now)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", partyId), new Claim("role", role)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
