using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Tests.Flows;

public class FlowFiringTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FlowDefinition<RefundState, RefundAction, Party, RefundCase> _flow = SampleRefundFlow.Build();
    private readonly RefundCase _case = new();

    [Fact]
    public void Fire_WhenPermittedToTheParty_ReturnsTheTransitionTaken()
    {
        var result = _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.Approve, Party.Seller, _case, s_now);

        result.IsAccepted.Should().BeTrue();
        result.Transition.Should().Be(new Transition<RefundState, RefundAction, Party>(
            RefundState.AwaitingSeller, RefundState.Refunding, RefundAction.Approve, Party.Seller, s_now, IsInternal: false, Deadline: null));
    }

    [Fact]
    public void Fire_WhenActionNotPermittedInState_RefusesWithNotPermittedInState()
    {
        var result = _flow.Fire(RefundState.Refunding, null, RefundAction.Approve, Party.Seller, _case, s_now);

        result.IsAccepted.Should().BeFalse();
        result.Refusal.Reason.Should().Be(RefusalReason.NotPermittedInState);
        result.Refusal.Message.Should().Be("Approve is not permitted in state Refunding.");
    }

    [Fact]
    public void Fire_WhenTakenByAnotherParty_RefusesWithNotThisPartyAndNamesWhoMay()
    {
        var result = _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.Approve, Party.Buyer, _case, s_now);

        result.Refusal.Reason.Should().Be(RefusalReason.NotThisParty);
        result.Refusal.AllowedParties.Should().Be(Party.Seller);
        result.Refusal.Message.Should().Be("Approve in state AwaitingSeller is for Seller, not Buyer.");
    }

    [Fact]
    public void Fire_WhenAGuardFails_RefusesWithTheGuardLabel()
    {
        var result = _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.Reject, Party.Seller, _case, s_now);

        result.Refusal.Reason.Should().Be(RefusalReason.GuardFailed);
        result.Refusal.GuardLabel.Should().Be("a reason code is given");
        result.Refusal.Message.Should().Be("Reject in state AwaitingSeller requires that a reason code is given.");
    }

    [Fact]
    public void Fire_WhenTheGuardHolds_TakesTheTransitionAndStartsTheTargetDeadline()
    {
        _case.ReasonCode = "item-as-described";

        var result = _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.Reject, Party.Seller, _case, s_now);

        result.Transition.To.Should().Be(RefundState.Rejected);
        result.Transition.Deadline.Should().NotBeNull();
        result.Transition.Deadline!.Value.ExpiresWith.Should().Be(RefundAction.Withdraw);
        result.Transition.Deadline.Value.DueAt.Should().Be(s_now.AddDays(3));
    }

    [Fact]
    public void Fire_InternalAction_StaysKeepsTheRunningDeadlineAndRunsNoEffects()
    {
        var deadline = _flow.StartDeadline(RefundState.AwaitingSeller, _case, s_now);

        var result = _flow.Fire(RefundState.AwaitingSeller, deadline, RefundAction.SendMessage, Party.Buyer, _case, s_now.AddHours(5));

        result.Transition.IsInternal.Should().BeTrue();
        result.Transition.To.Should().Be(RefundState.AwaitingSeller);
        result.Transition.Deadline.Should().Be(deadline);
        _case.Log.Should().BeEmpty();
    }

    [Fact]
    public void Fire_LeavingAState_RunsItsExitEffectsThenTheTargetEntryEffects()
    {
        _case.ReasonCode = "wrong-item";
        _case.EvidenceAttached = true;
        _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.Reject, Party.Seller, _case, s_now);
        _flow.Fire(RefundState.Rejected, null, RefundAction.Escalate, Party.Buyer, _case, s_now);

        _case.Log.Should().Equal("exit AwaitingSeller by Reject", "enter Escalated from Rejected");
    }

    [Fact]
    public void Fire_OnEntryFrom_RunsOnlyForItsAction()
    {
        _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.AutoApprove, Party.System, _case, s_now);
        _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.Approve, Party.Seller, _case, s_now);

        _case.Log.Should().Equal("exit AwaitingSeller by AutoApprove", "approved automatically", "exit AwaitingSeller by Approve");
    }

    [Fact]
    public void Fire_ParameterisedAction_PassesTheArgumentToGuardsAndEffects()
    {
        var result = _flow.Fire(RefundState.Escalated, null, RefundAction.Rule, Party.Arbitrator, _case, new Ruling(4_000), s_now);

        result.Transition.To.Should().Be(RefundState.Refunding);
        _case.Log.Should().Equal("ruled 4000 by Arbitrator");
    }

    [Fact]
    public void Fire_ParameterisedAction_WhenTheArgumentGuardFails_RefusesWithItsLabelAndRunsNoEffect()
    {
        var result = _flow.Fire(RefundState.Escalated, null, RefundAction.Rule, Party.Arbitrator, _case, new Ruling(10_001), s_now);

        result.Refusal.Reason.Should().Be(RefusalReason.GuardFailed);
        result.Refusal.GuardLabel.Should().Be("the refund does not exceed the refundable amount");
        _case.Log.Should().BeEmpty();
    }

    [Fact]
    public void Fire_ParameterisedAction_ChecksPartyBeforeTheArgument()
    {
        var result = _flow.Fire(RefundState.Escalated, null, RefundAction.Rule, Party.Seller, _case, new Ruling(10_001), s_now);

        result.Refusal.Reason.Should().Be(RefusalReason.NotThisParty);
    }

    [Fact]
    public void Fire_ParameterisedActionWithoutItsArgument_IsAProgrammingError()
    {
        var fire = () => _flow.Fire(RefundState.Escalated, null, RefundAction.Rule, Party.Arbitrator, _case, s_now);

        fire.Should().Throw<ArgumentException>().WithMessage("Rule takes an argument of type Ruling*");
    }

    [Fact]
    public void Fire_WithAnArgumentOfTheWrongType_IsAProgrammingError()
    {
        var fire = () => _flow.Fire(RefundState.Escalated, null, RefundAction.Rule, Party.Arbitrator, _case, "4000", s_now);
        var fireUnparameterised = () => _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.Approve, Party.Seller, _case, 1, s_now);

        fire.Should().Throw<ArgumentException>().WithMessage("Rule takes an argument of type Ruling, not String*");
        fireUnparameterised.Should().Throw<ArgumentException>().WithMessage("Approve takes no argument*");
    }

    [Theory]
    [InlineData(Party.None)]
    [InlineData(Party.Buyer | Party.Seller)]
    [InlineData((Party)64)]
    public void Fire_ByAnythingButExactlyOneParty_IsAProgrammingError(Party by)
    {
        var fire = () => _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.Approve, by, _case, s_now);

        fire.Should().Throw<ArgumentException>().WithMessage("An action is taken by exactly one party*");
    }

    [Fact]
    public void Fire_InAStateOutsideTheFlow_IsAProgrammingError()
    {
        var flow = FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create("two-states", 1, RefundState.AwaitingSeller, system: Party.System)
            .In(RefundState.AwaitingSeller).Permit(RefundAction.Withdraw, RefundState.Withdrawn, Party.Buyer)
            .In(RefundState.Withdrawn).Terminal()
            .Build();

        var fire = () => flow.Fire(RefundState.Escalated, null, RefundAction.Withdraw, Party.Buyer, _case, s_now);

        fire.Should().Throw<ArgumentException>().WithMessage("Escalated is not a state of flow two-states v1*");
    }

    [Fact]
    public void Fire_ReenteringAState_RestartsItsDeadline()
    {
        var flow = FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create("reentry", 1, RefundState.AwaitingSeller, system: Party.System)
            .In(RefundState.AwaitingSeller)
                .Deadline(c => c.SellerResponse, RefundAction.AutoApprove, "seller response window")
                .Permit(RefundAction.AutoApprove, RefundState.Refunded, Party.System)
                .Permit(RefundAction.SendMessage, RefundState.AwaitingSeller, Party.Buyer)
            .In(RefundState.Refunded).Terminal()
            .Build();
        var first = flow.StartDeadline(RefundState.AwaitingSeller, _case, s_now);

        var result = flow.Fire(RefundState.AwaitingSeller, first, RefundAction.SendMessage, Party.Buyer, _case, s_now.AddHours(10));

        result.Transition.IsInternal.Should().BeFalse();
        result.Transition.Deadline!.Value.DueAt.Should().Be(s_now.AddHours(58));
        flow[RefundState.AwaitingSeller].Transitions[1].IsReentry.Should().BeTrue();
    }

    [Fact]
    public void AFireResult_GivesNoRefusalWhenAcceptedAndNoTransitionWhenRefused()
    {
        var accepted = _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.Approve, Party.Seller, _case, s_now);
        var refused = _flow.Fire(RefundState.AwaitingSeller, null, RefundAction.Approve, Party.Buyer, _case, s_now);

        accepted.Invoking(r => r.Refusal).Should().Throw<InvalidOperationException>();
        refused.Invoking(r => r.Transition).Should().Throw<InvalidOperationException>()
            .WithMessage("The action was refused: Approve in state AwaitingSeller is for Seller, not Buyer.");
        accepted.ToString().Should().Be("Approve by Seller: AwaitingSeller -> Refunding");
    }
}
