using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Testing;

namespace AfterSales.Disputes.Tests.Disputes;

/// <summary>
/// The flow pages committed under docs/flows/ and the diagrams in the README are generated from the
/// code; these tests fail as soon as they drift. Regenerate the pages with
/// <c>dotnet run --project samples/FlowDiagram -- docs docs/flows</c> and copy the diagrams into the README.
/// </summary>
public class PublishedFlowDiagramTests
{
    public static TheoryData<string> FlowIds => new(DisputeFlows.Catalog.All.Select(f => f.Id));

    [Theory]
    [MemberData(nameof(FlowIds))]
    public void TheCommittedFlowPage_IsTheOneGeneratedFromTheCode(string flowId)
    {
        var flow = DisputeFlows.Catalog.Latest(flowId);

        Repository.ReadText($"docs/flows/{flowId}.md").Should().Be(flow.ToMarkdown(),
            "docs/flows/{0}.md must be regenerated with: dotnet run --project samples/FlowDiagram -- docs docs/flows", flowId);
    }

    [Theory]
    [MemberData(nameof(FlowIds))]
    public void TheReadme_ShowsTheDiagramGeneratedFromTheCode(string flowId)
    {
        var diagram = DisputeFlows.Catalog.Latest(flowId).ToMermaid(new FlowDiagramOptions(IncludeInternalActions: false));

        Repository.ReadText("README.md").Should().Contain("```mermaid\n" + diagram + "```\n");
    }
}
