using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>The four flows, as data and as diagrams.</summary>
internal static class FlowEndpoints
{
    /// <summary>The longest diagram text a flow gives (the flows' tests hold every flow to it).</summary>
    public const int MaxDiagramLength = 65_536;

    public static void MapFlowEndpoints(this RouteGroupBuilder api)
    {
        var flows = api.MapGroup("/flows").WithTags("Flows");

        flows.MapGet("/", () => TypedResults.Ok(Enum.GetValues<RequestKind>()
                .Select(kind => DisputeFlows.For(kind)).Select(flow => new FlowSummary(flow.Id, flow.Version, flow.States.Count)).ToList()))
            .WithMetadata(new AnswersAtMost(Enum.GetValues<RequestKind>().Length)).WithName("Flows_List").WithDescription("Each kind of request's flow with its version.").WithSummary("The flows new requests start with.").Produces<IReadOnlyList<FlowSummary>>();

        flows.MapGet("/{kind}", (string kind, string? format) =>
        {
            var flow = Enum.TryParse<RequestKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? DisputeFlows.For(parsed)
                : DisputeFlows.Catalog.All.LastOrDefault(f => f.Id == kind);
            if (flow is null)
            {
                return (IResult)ApiProblems.NotFound($"The flow '{kind}'");
            }

            if (format is not (null or "mermaid" or "dot"))
            {
                return ApiProblems.Invalid([new ValidationError("format", "A diagram is mermaid (the default) or dot.")]);
            }

            var options = new FlowDiagramOptions(IncludeInternalActions: false);
            return format == "dot"
                ? TypedResults.Text(flow.ToDot(options), "text/vnd.graphviz")
                : TypedResults.Text(flow.ToMermaid(options), "text/plain");
        }).WithName("Flows_Diagram").WithDescription("The states, actions, parties, guards and deadlines of a flow, generated from its definition.").WithSummary("A flow as a Mermaid diagram (or Graphviz DOT with ?format=dot); kind is a flow id (a RequestKind name is taken too).")
            .Produces<string>(StatusCodes.Status200OK, "text/plain", "text/vnd.graphviz").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new AnswersAtMost(MaxDiagramLength))
            // The flow ids GET /flows lists; a RequestKind name (RefundOnly) is taken too, as the same flow.
            .WithMetadata(new TakesOneOf("kind", [.. DisputeFlows.Catalog.All.Select(f => f.Id).Distinct()]))
            .WithMetadata(new TakesOneOf("format", ["mermaid", "dot"]));
    }
}

/// <summary>A flow.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Version">Its version.</param>
/// <param name="States">How many steps it has.</param>
public sealed record FlowSummary(string Id, int Version, int States);
