using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>What a buyer reads about a store before buying: the policy a request would be opened under.</summary>
internal static class StoreEndpoints
{
    public static void MapStoreEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/stores/{storeId}/policy", (string storeId, string region, string? brand, IPolicyCatalog policies) =>
            policies.ForStore(storeId, region, brand) is { } policy
                ? (IResult)TypedResults.Ok(FrozenPolicyResponse.From(policy))
                : ApiProblems.NotFound($"A policy of store {storeId} in region {region}"))
            .WithTags("Stores").WithName("Stores_Policy")
            .WithDescription("The terms a request opened now would freeze: no-reason returns and exchanges, guarantees, the brand's warranty (with brand), and each step's window. Any caller may read it; an open case keeps the policy frozen at its opening (GET /disputes/{id}/policy).")
            .WithSummary("A store's effective after-sales policy in a region, before buying.")
            .WithMetadata(new ExampleOf("region", "CN"), new ExampleOf("brand", "Linkwave"))
            .Produces<FrozenPolicyResponse>().ProducesProblem(StatusCodes.Status404NotFound);
}
