using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Tests.Flows;

public class FlowValidationTests
{
    private static FlowBuilder<RefundState, RefundAction, Party, RefundCase> Create(RefundState initial = RefundState.AwaitingSeller) =>
        FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create("broken", 3, initial, system: Party.System);

    private static IReadOnlyList<string> ProblemsOf(Func<FlowDefinition<RefundState, RefundAction, Party, RefundCase>> build) =>
        build.Should().Throw<FlowDefinitionException>().Which.Problems;

    [Fact]
    public void Build_ASoundFlow_Succeeds()
    {
        var build = () => SampleRefundFlow.Build();

        build.Should().NotThrow();
    }

    [Fact]
    public void Build_ListsEveryProblemInOneException()
    {
        var builder = Create(RefundState.Escalated);
        builder.In(RefundState.AwaitingSeller)
            .Permit(RefundAction.Approve, RefundState.Refunding, Party.Seller)
            .Permit(RefundAction.Approve, RefundState.Rejected, Party.Seller);
        builder.In(RefundState.Refunding).Terminal();
        builder.In(RefundState.Rejected).Terminal();

        var exception = builder.Invoking(b => b.Build()).Should().Throw<FlowDefinitionException>().Which;

        exception.Flow.Should().Be("broken v3");
        exception.Problems.Should().BeEquivalentTo(
            "The initial state Escalated is not configured: add In(Escalated).",
            "State AwaitingSeller is unreachable from the initial state Escalated.",
            "State Refunding is unreachable from the initial state Escalated.",
            "State Rejected is unreachable from the initial state Escalated.",
            "State AwaitingSeller permits Approve more than once.");
        exception.Message.Should().StartWith("Flow broken v3 is not valid:");
        exception.Message.Should().Contain("- State AwaitingSeller permits Approve more than once.");
    }

    [Fact]
    public void Build_RejectsUnreachableStates()
    {
        var problems = ProblemsOf(() => Create()
            .In(RefundState.AwaitingSeller).Permit(RefundAction.Approve, RefundState.Refunded, Party.Seller)
            .In(RefundState.Refunded).Terminal()
            .In(RefundState.Escalated).Permit(RefundAction.Rule, RefundState.Refunded, Party.Arbitrator)
            .Build());

        problems.Should().Equal("State Escalated is unreachable from the initial state AwaitingSeller.");
    }

    [Fact]
    public void Build_RejectsANonTerminalStateWithoutExit()
    {
        var problems = ProblemsOf(() => Create()
            .In(RefundState.AwaitingSeller)
                .Permit(RefundAction.Approve, RefundState.Refunding, Party.Seller)
                .Permit(RefundAction.Withdraw, RefundState.Withdrawn, Party.Buyer)
            .In(RefundState.Refunding).PermitInternal(RefundAction.SendMessage, Party.Buyer)
            .In(RefundState.Withdrawn).Terminal()
            .Build());

        problems.Should().Equal("State Refunding is not terminal and has no action that leaves it: permit one, or mark it Terminal().");
    }

    [Fact]
    public void Build_RejectsATargetThatWasNeverConfigured()
    {
        var problems = ProblemsOf(() => Create()
            .In(RefundState.AwaitingSeller).Permit(RefundAction.Approve, RefundState.Refunding, Party.Seller)
            .Build());

        problems.Should().Equal("State Refunding is a target but is not configured: add In(Refunding) with its exits, or mark it Terminal().");
    }

    [Fact]
    public void Build_RejectsATerminalStateWithAnExit()
    {
        var problems = ProblemsOf(() => Create()
            .In(RefundState.AwaitingSeller).Permit(RefundAction.Approve, RefundState.Refunded, Party.Seller)
            .In(RefundState.Refunded).Terminal().Permit(RefundAction.Escalate, RefundState.AwaitingSeller, Party.Buyer)
            .Build());

        problems.Should().Equal("State Refunded is terminal but permits actions that leave it.");
    }

    [Fact]
    public void Build_RejectsADeadlineWhoseExpiryIsNotPermittedToSystem()
    {
        var problems = ProblemsOf(() => Create()
            .In(RefundState.AwaitingSeller)
                .Deadline(c => c.SellerResponse, RefundAction.AutoApprove, "seller response window")
                .Permit(RefundAction.AutoApprove, RefundState.Refunded, Party.Seller)
            .In(RefundState.Refunded).Terminal()
            .Build());

        problems.Should().Equal("The deadline of state AwaitingSeller expires with AutoApprove, which is not permitted to System in AwaitingSeller.");
    }

    [Fact]
    public void Build_RejectsADeadlineWhoseExpiryIsNotPermittedAtAll()
    {
        var problems = ProblemsOf(() => Create()
            .In(RefundState.AwaitingSeller)
                .Deadline(c => c.SellerResponse, RefundAction.AutoApprove, "seller response window")
                .Permit(RefundAction.Approve, RefundState.Refunded, Party.Seller)
            .In(RefundState.Refunded).Terminal()
            .Build());

        problems.Should().Equal("The deadline of state AwaitingSeller expires with AutoApprove, which is not permitted to System in AwaitingSeller.");
    }

    [Theory]
    [InlineData("guarded")]
    [InlineData("internal")]
    public void Build_RejectsAnExpiryThatCouldFailOrStayInTheState(string kind)
    {
        var builder = Create();
        var awaiting = builder.In(RefundState.AwaitingSeller)
            .Deadline(c => c.SellerResponse, RefundAction.AutoApprove, "seller response window")
            .Permit(RefundAction.Approve, RefundState.Refunded, Party.Seller);
        _ = kind == "guarded"
            ? awaiting.PermitIf(RefundAction.AutoApprove, RefundState.Refunded, Party.System, c => c.EvidenceAttached, "evidence is attached")
            : awaiting.PermitInternal(RefundAction.AutoApprove, Party.System);
        builder.In(RefundState.Refunded).Terminal();

        var problems = ProblemsOf(builder.Build);

        problems.Should().Equal("The deadline of state AwaitingSeller expires with AutoApprove, which must leave or re-enter the state without guards or an argument (a dynamic one ending with Otherwise), so that the deadline can always fire.");
    }

    [Fact]
    public void Build_RejectsTwoDeadlinesOnOneStateAndUnlabelledDeadlinesAndGuards()
    {
        var problems = ProblemsOf(() => Create()
            .In(RefundState.AwaitingSeller)
                .Deadline(c => c.SellerResponse, RefundAction.AutoApprove, "seller response window")
                .Deadline(c => c.SellerResponse, RefundAction.AutoApprove, " ")
                .Permit(RefundAction.AutoApprove, RefundState.Refunded, Party.System)
                .PermitIf(RefundAction.Approve, RefundState.Refunded, Party.Seller, c => true, "")
            .In(RefundState.Refunded).Terminal()
            .Build());

        problems.Should().BeEquivalentTo(
            "State AwaitingSeller has more than one deadline.",
            "The deadline of state AwaitingSeller needs a label.",
            "A guard of Approve in state AwaitingSeller has no label.");
    }

    [Fact]
    public void Build_RejectsAnActionPermittedToNoParty()
    {
        var problems = ProblemsOf(() => Create()
            .In(RefundState.AwaitingSeller).Permit(RefundAction.Approve, RefundState.Refunded, Party.None)
            .In(RefundState.Refunded).Terminal()
            .Build());

        problems.Should().Equal("Approve in state AwaitingSeller is permitted to no party.");
    }

    [Fact]
    public void Build_RejectsArgumentGuardsAndEffectsOfUndeclaredArgumentTypes()
    {
        var problems = ProblemsOf(() => Create()
            .In(RefundState.AwaitingSeller)
                .PermitIf<Ruling>(RefundAction.Rule, RefundState.Refunded, Party.Arbitrator, (c, r) => r.RefundCents > 0, "the refund is positive")
            .In(RefundState.Refunded).Terminal()
                .OnEntryFrom<string>(RefundAction.Rule, (c, text, t) => c.Log.Add(text))
            .Build());

        problems.Should().BeEquivalentTo(
            "Rule in state AwaitingSeller has an argument guard on Ruling: declare Takes<Ruling>(Rule).",
            "An entry effect of state Refunded reads a String from Rule: declare Takes<String>(Rule).");
    }

    [Fact]
    public void Takes_TheSameActionWithTwoArgumentTypes_IsAProblem()
    {
        var builder = Create();
        builder.Takes<Ruling>(RefundAction.Rule).Takes<string>(RefundAction.Rule);
        builder.In(RefundState.AwaitingSeller).Permit(RefundAction.Rule, RefundState.Refunded, Party.Arbitrator);
        builder.In(RefundState.Refunded).Terminal();

        ProblemsOf(builder.Build).Should().Equal("Rule is declared to take both Ruling and String.");
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("flow", 0)]
    public void Create_NeedsAnIdAndAPositiveVersion(string id, int version)
    {
        var create = () => FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create(id, version, RefundState.AwaitingSeller, system: Party.System);

        create.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void In_CalledTwiceForAState_ContinuesItsConfiguration()
    {
        var builder = Create();
        builder.In(RefundState.AwaitingSeller).Permit(RefundAction.Approve, RefundState.Refunded, Party.Seller);
        builder.In(RefundState.Refunded).Terminal();
        builder.In(RefundState.AwaitingSeller).Permit(RefundAction.Withdraw, RefundState.Refunded, Party.Buyer);

        var flow = builder.Build();

        flow[RefundState.AwaitingSeller].Transitions.Select(t => t.Action).Should().Equal(RefundAction.Approve, RefundAction.Withdraw);
    }
}
