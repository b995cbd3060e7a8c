using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Marketplace;
using MediatR;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>
/// The marketplace's configuration as data, managed by the platform: regions and their jurisdiction packs, business
/// calendars per year, store policies and brand warranties, each stored and versioned; a change is checked whole
/// against the platform floor, and cases already open keep the policy they froze.
/// </summary>
internal static class MarketplaceEndpoints
{
    public static void MapMarketplaceEndpoints(this RouteGroupBuilder api)
    {
        var marketplace = api.MapGroup("/marketplace").WithTags("Marketplace").RequireAuthorization(AuthorizationPolicies.Platform);

        marketplace.MapGet("/", async (IMediator mediator, CancellationToken cancellationToken) => TypedResults.Ok(await mediator.Send(new GetMarketplace(), cancellationToken)))
            .WithName("Marketplace_Get").WithSummary("The marketplace's configuration: regions, calendars, stores and warranties, each at its latest revision (platform).")
            .WithDescription("The same shape a change posts and a seed file holds, so a configuration can be exported, edited and posted back; each entry's revision then guards against a change made meanwhile.")
            .Produces<MarketplaceSettings>().ProducesProblem(StatusCodes.Status403Forbidden);

        marketplace.MapPost("/changes", async (MarketplaceSettings changes, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var result = await mediator.Send(new ChangeMarketplace(changes, http.Caller().PartyId), cancellationToken);
            if (result.Conflicts.Count > 0)
            {
                return (IResult)ApiProblems.Problem(StatusCodes.Status409Conflict, "marketplace-conflict", "Changed meanwhile",
                    $"Changed since the revision the change was made from: {string.Join(", ", result.Conflicts)}. Read the marketplace again and redo the change; nothing was stored.");
            }

            return result.Problems.Count > 0
                ? ApiProblems.Invalid(result.Problems, StatusCodes.Status422UnprocessableEntity, "marketplace-rules", "Below the platform's rules",
                    "The configuration this change makes breaks the rules named below, per setting; nothing was stored.")
                : TypedResults.Ok(new MarketplaceChanges(result.Changes, result.Unchanged));
        }).WithName("Marketplace_Change")
            .WithSummary("Add or replace regions, calendars, stores and warranties, all or none (platform); a file of a marketplace's existing stores is imported the same way.")
            .WithDescription($"Each entry becomes its setting's next revision (a store's policy version is v and the revision, a warranty's w and the revision) unless it says what is stored already. The configuration that results is checked whole: each store against the platform floor and the jurisdiction pack of every region (a store below them is refused, 422, naming each rule), calendars against their region's weekend. An entry with a revision older than the stored one is refused (409). Cases already open keep the policy they froze; new cases get the change at once on this host and within seconds on the others. At most {ChangeMarketplace.MaxEntries} entries.")
            .Produces<MarketplaceChanges>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        marketplace.MapGet("/changes", async (int? limit, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetMarketplaceChanges(limit ?? 50), cancellationToken)))
            .WithName("Marketplace_Changes").WithSummary("Who changed which setting to which revision, when: newest first (platform).")
            .WithDescription("Every revision stored, by a change or an import (changedBy import), newest first; at most limit (50 by default).")
            .WithMetadata(new AnswersAtMost(Contracts.ContractLimits.MaxPageSize))
            .Produces<IReadOnlyList<MarketplaceChange>>().ProducesProblem(StatusCodes.Status403Forbidden);
    }
}

/// <summary>What a change stored.</summary>
/// <param name="Changes">The revisions stored, one per entry that said something new.</param>
/// <param name="Unchanged">How many entries said what was stored already.</param>
public sealed record MarketplaceChanges(IReadOnlyList<MarketplaceChange> Changes, int Unchanged);
