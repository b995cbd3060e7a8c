using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Tests.Flows;

public class FlowGraphExportTests
{
    private readonly FlowDefinition<RefundState, RefundAction, Party, RefundCase> _flow = SampleRefundFlow.Build();

    [Fact]
    public void ToMermaid_WritesStatesDeadlinesGuardsPartiesAndTerminals()
    {
        _flow.ToMermaid().Should().Be("""
            ---
            title: sample-refund v1
            ---
            stateDiagram-v2
                [*] --> AwaitingSeller
                AwaitingSeller : deadline seller response window, then AutoApprove
                Rejected : deadline escalation window, then Withdraw
                AwaitingSeller --> Refunding : Approve by Seller
                AwaitingSeller --> Refunding : AutoApprove by System on deadline
                AwaitingSeller --> Rejected : Reject by Seller [a reason code is given]
                AwaitingSeller --> Withdrawn : Withdraw by Buyer
                AwaitingSeller --> AwaitingSeller : SendMessage by Buyer or Seller (internal)
                Rejected --> Escalated : Escalate by Buyer [evidence is attached]
                Rejected --> Withdrawn : Withdraw by Buyer or System on deadline
                Escalated --> Refunding : Rule(Ruling) by Arbitrator [the refund does not exceed the refundable amount]
                Refunding --> Refunded : RefundSucceeded by System
                Refunded --> Refunded : SendMessage by Buyer or Seller (internal)
                Refunded --> [*]
                Withdrawn --> [*]

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToDot_WritesTheSameGraphForGraphviz()
    {
        _flow.ToDot().Should().Be("""
            digraph "sample-refund v1" {
                rankdir=LR;
                node [shape=box, style=rounded];
                "[*]" [shape=point];
                "[*]" -> "AwaitingSeller";
                "AwaitingSeller" [label="AwaitingSeller\ndeadline seller response window, then AutoApprove"];
                "Rejected" [label="Rejected\ndeadline escalation window, then Withdraw"];
                "Refunded" [peripheries=2];
                "Withdrawn" [peripheries=2];
                "AwaitingSeller" -> "Refunding" [label="Approve by Seller"];
                "AwaitingSeller" -> "Refunding" [label="AutoApprove by System on deadline", style=dashed];
                "AwaitingSeller" -> "Rejected" [label="Reject by Seller\n[a reason code is given]"];
                "AwaitingSeller" -> "Withdrawn" [label="Withdraw by Buyer"];
                "AwaitingSeller" -> "AwaitingSeller" [label="SendMessage by Buyer or Seller (internal)"];
                "Rejected" -> "Escalated" [label="Escalate by Buyer\n[evidence is attached]"];
                "Rejected" -> "Withdrawn" [label="Withdraw by Buyer or System on deadline", style=dashed];
                "Escalated" -> "Refunding" [label="Rule(Ruling) by Arbitrator\n[the refund does not exceed the refundable amount]"];
                "Refunding" -> "Refunded" [label="RefundSucceeded by System"];
                "Refunded" -> "Refunded" [label="SendMessage by Buyer or Seller (internal)"];
            }

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Export_EscapesCharactersThatWouldBreakTheDiagram()
    {
        var flow = FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create("escapes", 1, RefundState.AwaitingSeller, system: Party.System)
            .In(RefundState.AwaitingSeller)
                .PermitIf(RefundAction.Approve, RefundState.Refunded, Party.Seller, c => true, "note: \"#1\"; \\ok")
            .In(RefundState.Refunded).Terminal()
            .Build();

        flow.ToMermaid().Should().Contain("Approve by Seller [note#58; \"#35;1\"#59; \\ok]");
        flow.ToDot().Should().Contain("[label=\"Approve by Seller\\n[note: \\\"#1\\\"; \\\\ok]\"]");
    }
}
