// Builds a small after-sales flow with the engine and prints it as a Mermaid diagram (default) or as
// Graphviz DOT (`-- dot`). With `-- docs <folder>` it writes the documentation page of each of the four
// dispute flows into <folder>, as committed under docs/flows/; with `-- readme README.md` it replaces the four
// flows' diagrams in the README.
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

if (args is ["readme", var readme])
{
    // Replaces the diagram under each flow's "<details><summary>id vN</summary>" in the README.
    var text = File.ReadAllText(readme).ReplaceLineEndings("\n");
    foreach (var dispute in DisputeFlows.Catalog.All)
    {
        var summary = text.IndexOf($"<summary>{dispute.Id} v{dispute.Version}</summary>", StringComparison.Ordinal);
        var start = text.IndexOf("```mermaid\n", summary, StringComparison.Ordinal) + "```mermaid\n".Length;
        var end = text.IndexOf("```\n", start, StringComparison.Ordinal);
        text = text[..start] + dispute.ToMermaid(new FlowDiagramOptions(IncludeInternalActions: false)) + text[end..];
    }

    File.WriteAllText(readme, text);
    Console.WriteLine($"updated the diagrams in {readme}");
    return;
}

if (args is ["docs", var folder])
{
    Directory.CreateDirectory(folder);
    foreach (var dispute in DisputeFlows.Catalog.All)
    {
        var path = Path.Combine(folder, dispute.Id + ".md");
        File.WriteAllText(path, dispute.ToMarkdown());
        Console.WriteLine($"wrote {path}");
    }

    return;
}

var flow = FlowBuilder<RefundState, RefundAction, Party, RefundRequest>.Create("refund-only", version: 1, initial: RefundState.AwaitingSeller, system: Party.System)
    .In(RefundState.AwaitingSeller)
        .Deadline(r => r.SellerResponse, expiresWith: RefundAction.AutoApprove, "seller response window")
        .Permit(RefundAction.Approve, RefundState.Refunding, by: Party.Seller)
        .Permit(RefundAction.AutoApprove, RefundState.Refunding, by: Party.System)
        .PermitIf(RefundAction.Reject, RefundState.Rejected, by: Party.Seller, r => r.ReasonCode is not null, "a reason code is given")
        .Permit(RefundAction.Withdraw, RefundState.Closed, by: Party.Buyer)
    .In(RefundState.Rejected)
        .Deadline(r => r.EscalationWindow, expiresWith: RefundAction.Close, "escalation window")
        .Permit(RefundAction.Escalate, RefundState.InArbitration, by: Party.Buyer)
        .Permit(RefundAction.Close, RefundState.Closed, by: Party.Buyer | Party.System)
    .In(RefundState.InArbitration)
        .Permit(RefundAction.RuleRefund, RefundState.Refunding, by: Party.Arbitrator)
        .Permit(RefundAction.RuleReject, RefundState.Closed, by: Party.Arbitrator)
    .In(RefundState.Refunding)
        .Permit(RefundAction.RefundSucceeded, RefundState.Closed, by: Party.System)
    .In(RefundState.Closed).Terminal()
    .Build();

Console.Write(args is ["dot"] ? flow.ToDot() : flow.ToMermaid());

internal enum RefundState
{
    AwaitingSeller,
    Rejected,
    InArbitration,
    Refunding,
    Closed,
}

internal enum RefundAction
{
    Approve,
    AutoApprove,
    Reject,
    Withdraw,
    Escalate,
    Close,
    RuleRefund,
    RuleReject,
    RefundSucceeded,
}

internal sealed record RefundRequest(string? ReasonCode, DeadlineSpan SellerResponse, DeadlineSpan EscalationWindow);
