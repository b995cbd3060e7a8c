using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Localization;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>The words for the engine's codes, so that a page shows a state or an outcome the way the API names it.</summary>
internal static class LabelEndpoints
{
    public static void MapLabelEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/labels", () => TypedResults.Ok(DisputeTexts.LabelledEnums.Select(type => new LabelSet(type.Name, DisputeTexts.Labels(type))).ToList()))
            .WithTags("Flows").WithName("Labels_Get").WithMetadata(new AnswersAtMost(DisputeTexts.LabelledEnums.Count))
            .WithSummary("The label of every state, action, kind, reason, remedy, status and outcome, in the caller's language (Accept-Language).")
            .WithDescription("One set per enumeration, each label by the identifier the API uses: in DisputeState, AwaitingSellerResponse is \"awaiting the seller's response\" in English and \"等待卖家处理\" in Chinese. The desk draws every code with these.")
            .Produces<IReadOnlyList<LabelSet>>();
    }
}

/// <summary>The labels of one enumeration's values.</summary>
/// <param name="Enumeration">The enumeration, as the schemas name it (<c>DisputeState</c>).</param>
/// <param name="Labels">Each value's label, by the value's identifier.</param>
public sealed record LabelSet(string Enumeration, IReadOnlyDictionary<string, string> Labels);
