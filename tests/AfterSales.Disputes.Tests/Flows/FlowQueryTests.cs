using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Tests.Flows;

public class FlowQueryTests
{
    private readonly FlowDefinition<RefundState, RefundAction, Party, RefundCase> _flow = SampleRefundFlow.Build();
    private readonly RefundCase _case = new();

    [Fact]
    public void PermittedActions_ListsWhatThePartyMayDoNow_RespectingGuards()
    {
        _flow.PermittedActions(RefundState.AwaitingSeller, Party.Seller, _case)
            .Should().Equal(RefundAction.Approve, RefundAction.SendMessage);

        _case.ReasonCode = "item-as-described";
        _flow.PermittedActions(RefundState.AwaitingSeller, Party.Seller, _case)
            .Should().Equal(RefundAction.Approve, RefundAction.Reject, RefundAction.SendMessage);
    }

    [Fact]
    public void PermittedActions_DifferPerParty()
    {
        _flow.PermittedActions(RefundState.AwaitingSeller, Party.Buyer, _case)
            .Should().Equal(RefundAction.Withdraw, RefundAction.SendMessage);
        _flow.PermittedActions(RefundState.AwaitingSeller, Party.System, _case)
            .Should().Equal(RefundAction.AutoApprove);
        _flow.PermittedActions(RefundState.AwaitingSeller, Party.Arbitrator, _case).Should().BeEmpty();
    }

    [Fact]
    public void Explain_GivesEveryActionOfTheFlowWithTheReasonItIsRefused()
    {
        var answers = _flow.Explain(RefundState.AwaitingSeller, Party.Seller, _case)
            .ToDictionary(a => a.Action);

        answers.Keys.Should().BeEquivalentTo(Enum.GetValues<RefundAction>());
        answers[RefundAction.Approve].IsAllowed.Should().BeTrue();
        answers[RefundAction.SendMessage].IsAllowed.Should().BeTrue();
        answers[RefundAction.Withdraw].Refusal!.Value.Reason.Should().Be(RefusalReason.NotThisParty);
        answers[RefundAction.AutoApprove].Refusal!.Value.Message.Should().Be("AutoApprove in state AwaitingSeller is for System, not Seller.");
        answers[RefundAction.Reject].Refusal!.Value.GuardLabel.Should().Be("a reason code is given");
        answers[RefundAction.Escalate].Refusal!.Value.Reason.Should().Be(RefusalReason.NotPermittedInState);
        answers[RefundAction.Rule].ArgumentType.Should().Be<Ruling>();
    }

    [Fact]
    public void Explain_ParameterisedActionIsAllowedBeforeItsArgumentIsKnown()
    {
        var rule = _flow.Explain(RefundState.Escalated, Party.Arbitrator, _case).Single(a => a.Action == RefundAction.Rule);

        rule.IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Check_AnswersWithoutTakingTheActionOrRunningEffects()
    {
        _flow.Check(RefundState.AwaitingSeller, RefundAction.Approve, Party.Seller, _case).Should().BeNull();
        _flow.Check(RefundState.AwaitingSeller, RefundAction.Approve, Party.Buyer, _case)!.Value.Reason
            .Should().Be(RefusalReason.NotThisParty);
        _case.Log.Should().BeEmpty();
    }

    [Fact]
    public void Introspection_ExposesStatesTransitionsGuardsAndDeadlines()
    {
        _flow.Id.Should().Be("sample-refund");
        _flow.Version.Should().Be(1);
        _flow.Initial.Should().Be(RefundState.AwaitingSeller);
        _flow.States.Select(s => s.State).Should().Equal(
            RefundState.AwaitingSeller, RefundState.Rejected, RefundState.Escalated,
            RefundState.Refunding, RefundState.Refunded, RefundState.Withdrawn);
        _flow.IsTerminal(RefundState.Refunded).Should().BeTrue();
        _flow.IsTerminal(RefundState.AwaitingSeller).Should().BeFalse();
        _flow.Contains(RefundState.Escalated).Should().BeTrue();

        var awaiting = _flow[RefundState.AwaitingSeller];
        awaiting.Deadline!.Label.Should().Be("seller response window");
        awaiting.Deadline.ExpiresWith.Should().Be(RefundAction.AutoApprove);
        awaiting.ExitEffectCount.Should().Be(1);
        var reject = awaiting.Find(RefundAction.Reject)!;
        reject.Target.Should().Be(RefundState.Rejected);
        reject.AllowedParties.Should().Be(Party.Seller);
        reject.Guards.Select(g => g.Label).Should().Equal("a reason code is given");
        awaiting.Find(RefundAction.SendMessage)!.IsInternal.Should().BeTrue();
        awaiting.Find(RefundAction.Rule).Should().BeNull();
        _flow[RefundState.Escalated].Find(RefundAction.Rule)!.ArgumentGuardLabels
            .Should().Equal("the refund does not exceed the refundable amount");
    }
}
