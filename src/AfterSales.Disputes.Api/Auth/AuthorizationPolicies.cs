using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AfterSales.Disputes.Api.Auth;

/// <summary>
/// Who may call a route, by role, as named policies the routes require (<c>RequireAuthorization(AuthorizationPolicies.Platform)</c>),
/// so no handler checks a role itself. What a party may do to one case is the case's to say (its flow's allowed
/// parties, <see cref="Caller.CanSee"/>); these say who may call the route at all.
/// </summary>
internal static class AuthorizationPolicies
{
    /// <summary>The platform's own routes: orders, the marketplace's configuration, the test clock.</summary>
    public const string Platform = "platform";

    /// <summary>Buyers: opening requests, attaching files before one.</summary>
    public const string Buyer = "buyer";

    /// <summary>Buyers and the platform (on a buyer's behalf): eligibility previews.</summary>
    public const string BuyerOrPlatform = "buyer-or-platform";

    /// <summary>Arbitrators and the platform: the arbitration queue.</summary>
    public const string Arbitration = "arbitration";

    /// <summary>Stores (their own), arbitrators and the platform: store scorecards.</summary>
    public const string StoreFigures = "store-figures";

    /// <summary>The parties who bring evidence to a case: buyers, stores, service centers and arbitrators.</summary>
    public const string Evidence = "evidence";

    private static readonly Dictionary<string, string[]> s_roles = new(StringComparer.Ordinal)
    {
        [Platform] = [Roles.Platform],
        [Buyer] = [Roles.Buyer],
        [BuyerOrPlatform] = [Roles.Buyer, Roles.Platform],
        [Arbitration] = [Roles.Arbitrator, Roles.Platform],
        [StoreFigures] = [Roles.Seller, Roles.Arbitrator, Roles.Platform],
        [Evidence] = [Roles.Buyer, Roles.Seller, Roles.ServiceCenter, Roles.Arbitrator],
    };

    /// <summary>The roles <paramref name="policy"/> lets in.</summary>
    public static IReadOnlyList<string> RolesOf(string policy) => s_roles[policy];

    /// <summary>Adds every policy: an authenticated caller whose token's role is one of the policy's.</summary>
    public static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (name, roles) in s_roles)
        {
            builder.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => roles.Contains(Caller.From(context.User).Role)));
        }

        return builder;
    }
}

/// <summary>Answers a caller a route's policy turns away as every other refusal is answered: a 403 problem naming who may call it.</summary>
internal sealed class ForbiddenAsProblem : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() is { Count: > 0 } required)
        {
            var roles = required.Select(data => data.Policy).OfType<string>().SelectMany(AuthorizationPolicies.RolesOf).Distinct();
            await Problems.ApiProblems.Problem(StatusCodes.Status403Forbidden, "forbidden", "Forbidden",
                Localization.ApiTexts.Format("Problem.ForbiddenRoute", Localization.ApiTexts.Translate("Role", Caller.From(context.User).Role), context.Request.Method, context.Request.Path,
                    string.Join(Localization.ApiTexts.Format("List.And"), roles.Select(r => Localization.ApiTexts.Translate("Roles", r + "s")))))
                .ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
