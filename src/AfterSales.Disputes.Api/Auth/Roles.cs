using System.Security.Claims;
using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Api.Auth;

/// <summary>The roles a token can carry.</summary>
public static class Roles
{
    /// <summary>A buyer; the token's subject is the buyer id.</summary>
    public const string Buyer = "buyer";

    /// <summary>A store; the subject is the store id.</summary>
    public const string Seller = "seller";

    /// <summary>Platform arbitration staff; the subject is the arbitrator id.</summary>
    public const string Arbitrator = "arbitrator";

    /// <summary>A brand's service center; the subject is its id.</summary>
    public const string ServiceCenter = "servicecenter";

    /// <summary>The platform itself (back office): registers orders, reads everything.</summary>
    public const string Platform = "platform";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Buyer, Seller, Arbitrator, ServiceCenter, Platform];
}

/// <summary>Who calls: the role and party id from the bearer token.</summary>
/// <param name="Role">One of <see cref="Roles"/>.</param>
/// <param name="PartyId">The buyer, store, arbitrator, service center or platform id.</param>
public sealed record Caller(string Role, string PartyId)
{
    /// <summary>The caller from an authenticated principal.</summary>
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        // The claims the host is told to read (AfterSales:Auth:RoleClaim, PartyClaim); the token command's are role and sub.
        var identity = user.Identity as ClaimsIdentity;
        return new(user.FindFirstValue(identity?.RoleClaimType ?? "role") ?? user.FindFirstValue("role") ?? "",
            user.FindFirstValue(identity?.NameClaimType ?? "sub") ?? user.FindFirstValue("sub") ?? "");
    }

    /// <summary>The caller as a party to disputes (the platform acts as the system only through the engine).</summary>
    public Actor Actor => Role switch
    {
        Roles.Buyer => Actor.Buyer(PartyId),
        Roles.Seller => Actor.Seller(PartyId),
        Roles.Arbitrator => Actor.Arbitrator(PartyId),
        Roles.ServiceCenter => Actor.ServiceCenter(PartyId),
        _ => new Actor(Disputes.Party.None, PartyId),
    };

    /// <summary>
    /// Whether the caller may see <paramref name="dispute"/>: the platform sees every case; a party sees it
    /// under the domain's rule (<see cref="Dispute.IsVisibleTo"/>), the same rule that decides who may act.
    /// </summary>
    public bool CanSee(Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        return Role == Roles.Platform || dispute.IsVisibleTo(Actor);
    }
}
