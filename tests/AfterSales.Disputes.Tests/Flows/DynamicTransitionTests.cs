using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using static AfterSales.Disputes.Flows.Branch<AfterSales.Disputes.Tests.Flows.RefundState, AfterSales.Disputes.Tests.Flows.RefundCase>;

namespace AfterSales.Disputes.Tests.Flows;

public class DynamicTransitionTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly RefundCase _case = new();

    private static FlowDefinition<RefundState, RefundAction, Party, RefundCase> Flow() =>
        FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create("dynamic", 1, RefundState.Escalated, system: Party.System)
            .Takes<Ruling>(RefundAction.Rule)
            .In(RefundState.Escalated)
                .PermitDynamic(RefundAction.Rule, Party.Arbitrator,
                    When<Ruling>(RefundState.Refunding, "a refund is ruled", (c, r) => r.RefundCents > 0),
                    When<Ruling>(RefundState.Rejected, "the claim is rejected", (c, r) => r.RefundCents == 0))
                .PermitDynamic(RefundAction.Approve, Party.Seller,
                    When(RefundState.Refunding, "evidence is attached", c => c.EvidenceAttached),
                    When(RefundState.Rejected, "a reason code is given", c => c.ReasonCode is not null))
                .PermitDynamic(RefundAction.Withdraw, Party.Buyer,
                    When(RefundState.Escalated, "evidence is attached", c => c.EvidenceAttached),
                    Otherwise(RefundState.Withdrawn))
            .In(RefundState.Refunding).Permit(RefundAction.RefundSucceeded, RefundState.Refunded, Party.System)
            .In(RefundState.Rejected).Terminal()
            .In(RefundState.Refunded).Terminal()
            .In(RefundState.Withdrawn).Terminal()
            .Build();

    [Fact]
    public void Fire_TakesTheFirstBranchWhoseConditionHolds()
    {
        _case.EvidenceAttached = true;
        _case.ReasonCode = "wrong-item";

        Flow().Fire(RefundState.Escalated, null, RefundAction.Approve, Party.Seller, _case, s_now)
            .Transition.To.Should().Be(RefundState.Refunding);
    }

    [Fact]
    public void Fire_ChoosesByTheArgument()
    {
        var flow = Flow();

        flow.Fire(RefundState.Escalated, null, RefundAction.Rule, Party.Arbitrator, _case, new Ruling(500), s_now)
            .Transition.To.Should().Be(RefundState.Refunding);
        flow.Fire(RefundState.Escalated, null, RefundAction.Rule, Party.Arbitrator, _case, new Ruling(0), s_now)
            .Transition.To.Should().Be(RefundState.Rejected);
    }

    [Fact]
    public void Fire_WhenNoBranchApplies_RefusesNamingTheBranches()
    {
        var flow = Flow();

        var byCase = flow.Fire(RefundState.Escalated, null, RefundAction.Approve, Party.Seller, _case, s_now);
        var byArgument = flow.Fire(RefundState.Escalated, null, RefundAction.Rule, Party.Arbitrator, _case, new Ruling(-1), s_now);

        byCase.Refusal.Reason.Should().Be(RefusalReason.GuardFailed);
        byCase.Refusal.Message.Should().Be("Approve in state Escalated requires that evidence is attached or a reason code is given.");
        byArgument.Refusal.GuardLabel.Should().Be("a refund is ruled or the claim is rejected");
    }

    [Fact]
    public void Queries_AllowADynamicActionWhenABranchCouldApply()
    {
        var flow = Flow();

        flow.PermittedActions(RefundState.Escalated, Party.Seller, _case).Should().BeEmpty();
        flow.PermittedActions(RefundState.Escalated, Party.Arbitrator, _case).Should().Equal(RefundAction.Rule);
        flow.PermittedActions(RefundState.Escalated, Party.Buyer, _case).Should().Equal(RefundAction.Withdraw);
        _case.ReasonCode = "wrong-item";
        flow.PermittedActions(RefundState.Escalated, Party.Seller, _case).Should().Equal(RefundAction.Approve);
    }

    [Fact]
    public void Otherwise_IsTakenWhenNothingEarlierApplies_AndABranchBackIntoTheStateReentersIt()
    {
        var flow = Flow();

        flow.Fire(RefundState.Escalated, null, RefundAction.Withdraw, Party.Buyer, _case, s_now).Transition.To.Should().Be(RefundState.Withdrawn);
        _case.EvidenceAttached = true;
        var reentry = flow.Fire(RefundState.Escalated, null, RefundAction.Withdraw, Party.Buyer, _case, s_now).Transition;
        reentry.To.Should().Be(RefundState.Escalated);
        reentry.IsInternal.Should().BeFalse();
    }

    [Fact]
    public void Introspection_ListsEveryBranch()
    {
        var rule = Flow()[RefundState.Escalated].Find(RefundAction.Withdraw)!;

        rule.IsDynamic.Should().BeTrue();
        rule.IsReentry.Should().BeFalse();
        rule.Branches.Select(b => (b.Target, b.Label, b.IsOtherwise)).Should().Equal(
            (RefundState.Escalated, "evidence is attached", false),
            (RefundState.Withdrawn, (string?)null, true));
    }

    [Fact]
    public void ToMermaid_DrawsOneEdgePerBranch()
    {
        Flow().ToMermaid().Should().Contain("""
                Escalated --> Refunding : Rule(Ruling) by Arbitrator [when a refund is ruled]
                Escalated --> Rejected : Rule(Ruling) by Arbitrator [when the claim is rejected]
                Escalated --> Refunding : Approve by Seller [when evidence is attached]
                Escalated --> Rejected : Approve by Seller [when a reason code is given]
                Escalated --> Escalated : Withdraw by Buyer [when evidence is attached]
                Escalated --> Withdrawn : Withdraw by Buyer [otherwise]
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Build_FollowsBranchesForReachabilityAndExits()
    {
        var build = () => FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create("reach", 1, RefundState.AwaitingSeller, system: Party.System)
            .In(RefundState.AwaitingSeller)
                .PermitDynamic(RefundAction.Approve, Party.Seller,
                    When(RefundState.AwaitingSeller, "evidence is attached", c => c.EvidenceAttached),
                    Otherwise(RefundState.Refunded))
            .In(RefundState.Refunded).Terminal()
            .Build();

        build.Should().NotThrow("Refunded is reachable through the second branch, which is also the exit");
    }

    [Fact]
    public void Build_RejectsMisplacedOtherwiseUnlabelledBranchesAndUndeclaredArgumentBranches()
    {
        var build = () => FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create("bad-branches", 1, RefundState.AwaitingSeller, system: Party.System)
            .In(RefundState.AwaitingSeller)
                .PermitDynamic(RefundAction.Approve, Party.Seller, Otherwise(RefundState.Refunded), When(RefundState.Rejected, " ", c => true))
                .PermitDynamic(RefundAction.Rule, Party.Arbitrator, When<Ruling>(RefundState.Refunded, "refund", (c, r) => true))
                .PermitDynamic(RefundAction.Withdraw, Party.Buyer)
            .In(RefundState.Refunded).Terminal()
            .In(RefundState.Rejected).Terminal()
            .Build();

        build.Should().Throw<FlowDefinitionException>().Which.Problems.Should().BeEquivalentTo(
            "Approve in state AwaitingSeller has an Otherwise branch before its last branch.",
            "A branch of Approve in state AwaitingSeller has no label.",
            "Withdraw in state AwaitingSeller has no branch to take.",
            "Rule in state AwaitingSeller has a branch on Ruling: declare Takes<Ruling>(Rule).");
    }

    [Fact]
    public void Build_RejectsADynamicExpiryThatCouldFindNoBranch()
    {
        var build = () => FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create("expiry", 1, RefundState.AwaitingSeller, system: Party.System)
            .In(RefundState.AwaitingSeller)
                .Deadline(c => c.SellerResponse, RefundAction.AutoApprove, "seller response window")
                .PermitDynamic(RefundAction.AutoApprove, Party.System,
                    When(RefundState.Refunded, "evidence is attached", c => c.EvidenceAttached))
            .In(RefundState.Refunded).Terminal()
            .Build();

        build.Should().Throw<FlowDefinitionException>().Which.Problems.Should().Equal(
            "The deadline of state AwaitingSeller expires with AutoApprove, which must leave or re-enter the state without guards or an argument (a dynamic one ending with Otherwise), so that the deadline can always fire.");
    }
}
