using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

public class SellerResponseTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);

    private static Dispute NoReasonReturn() => Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), s_now);

    [Fact]
    public void Approve_AReturn_AwaitsTheReturnShipmentWithItsSevenDayWindow()
    {
        var dispute = NoReasonReturn();

        var approved = dispute.Approve(Flagship, s_now.AddHours(3));

        approved.Event!.To.Should().Be(DisputeState.AwaitingReturnShipment);
        dispute.AgreedRefund.Should().Be(Yuan(399));
        dispute.Deadline!.Value.ExpiresWith.Should().Be(DisputeAction.CloseUnshipped);
        dispute.Deadline.Value.DueAt.Should().Be(s_now.AddHours(3).AddDays(7));
        dispute.Scorecard.FirstResponseTime.Should().Be(TimeSpan.FromHours(3));
    }

    [Fact]
    public void Approve_ARefundOnlyRequest_RequestsTheRefundAtOnce()
    {
        var dispute = Open(RouterOrder(notShipped: true), Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(409), claimsShipping: true), Placed);

        dispute.Approve(Flagship, Placed.AddHours(1)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund.Should().BeEquivalentTo(new
        {
            RefundId = "dispute-1-refund", Amount = Yuan(409), ItemPart = Yuan(399), ShippingPart = Yuan(10),
            Status = RefundStatus.Pending, Attempts = 1,
        });
    }

    [Fact]
    public void SellerSilence_UntilTheDeadline_ApprovesAutomatically_AndCountsAsATimeout()
    {
        var dispute = NoReasonReturn();

        dispute.ExpireDeadline(s_now.AddDays(5).AddTicks(-1)).Refusal!.Message.Should().Be("No deadline is due in state AwaitingSellerResponse.");
        var expired = dispute.ExpireDeadline(s_now.AddDays(5));

        expired.Event!.Action.Should().Be(DisputeAction.AutoApprove);
        expired.Event.Party.Should().Be(AfterSales.Disputes.Disputes.Party.System);
        dispute.State.Should().Be(DisputeState.AwaitingReturnShipment);
        dispute.Scorecard.SellerTimeouts.Should().Be(1);
        dispute.Scorecard.FirstSellerResponseAt.Should().BeNull();
    }

    [Fact]
    public void Reject_NeedsAReasonCode_AndOpensTheEscalationWindow()
    {
        var dispute = NoReasonReturn();

        dispute.Reject(Flagship, new RejectionReason(" "), s_now).Refusal!.Should().BeEquivalentTo(new
        {
            Code = DisputeRefusalCode.InvalidInput, Message = "A rejection needs a reason code.",
        });
        dispute.Reject(Flagship, new RejectionReason("item-used", "Seal is broken"), s_now).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.RejectedBySeller);
        dispute.LastRejection!.ReasonCode.Should().Be("item-used");
        dispute.Deadline!.Value.ExpiresWith.Should().Be(DisputeAction.CloseUnescalated);
        dispute.AllowedActions(Actor.Buyer(Buyer), s_now).Should().Equal(
            DisputeAction.CounterOffer, DisputeAction.Escalate, DisputeAction.Withdraw, DisputeAction.SendMessage);
    }

    [Fact]
    public void ARejectionLeftAlone_ClosesTheRequest()
    {
        var dispute = NoReasonReturn();
        dispute.Reject(Flagship, new RejectionReason("item-used"), s_now).ShouldSucceed();

        dispute.ExpireDeadline(s_now.AddDays(7)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Closed);
        dispute.Closure.Should().Be(ClosureReason.NotEscalated);
        dispute.Deadline.Should().BeNull();
    }

    [Fact]
    public void Withdraw_ByTheBuyer_ClosesTheRequest_AndNothingMoreCanBeDone()
    {
        var dispute = NoReasonReturn();

        dispute.Withdraw(Buyer, s_now).ShouldSucceed();
        var late = dispute.Approve(Flagship, s_now);

        dispute.Closure.Should().Be(ClosureReason.Withdrawn);
        late.Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);
        late.Refusal.Message.Should().Be("Approve is not permitted in state Closed.");
    }

    [Fact]
    public void AnIllegalAction_IsRefusedWithTheActionsThePartyMayTake_AndChangesNothing()
    {
        var dispute = NoReasonReturn();

        var refused = dispute.ShipReturn(Buyer, new ShipmentDetails("SF", "SF1"), s_now);

        refused.Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);
        refused.Refusal.Message.Should().Be("ShipReturn is not permitted in state AwaitingSellerResponse.");
        refused.Refusal.AllowedActions.Should().Equal(DisputeAction.Withdraw, DisputeAction.SendMessage);
        dispute.Version.Should().Be(1);
        dispute.Shipments.Should().BeEmpty();
    }

    [Fact]
    public void Messages_AreKeptOnTheCase()
    {
        var dispute = NoReasonReturn();

        dispute.SendMessage(Actor.Buyer(Buyer), new MessageText("The box is unopened."), s_now).ShouldSucceed();
        dispute.SendMessage(Actor.Seller(Flagship), new MessageText(""), s_now).Refusal!.Code.Should().Be(DisputeRefusalCode.InvalidInput);

        dispute.Messages.Should().ContainSingle().Which.Should().BeEquivalentTo(new { By = AfterSales.Disputes.Disputes.Party.Buyer, Text = "The box is unopened." });
        dispute.State.Should().Be(DisputeState.AwaitingSellerResponse);
        dispute.Deadline!.Value.DueAt.Should().Be(s_now.AddDays(5), "a message does not restart the seller's clock");
    }

    [Fact]
    public void ACaseFullOfPartyEvents_RefusesThePartiesWithTheReason_AndTheDeadlinesStillFinishIt()
    {
        var dispute = NoReasonReturn();
        while (dispute.Timeline.Count < Dispute.MaxPartyEvents)
        {
            dispute.SendMessage(Actor.Buyer(Buyer), new MessageText("Any news?"), s_now).ShouldSucceed();
        }

        var refused = dispute.SendMessage(Actor.Seller(Flagship), new MessageText("Looking into it."), s_now);

        refused.Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);
        refused.Refusal.Message.Should().Be("SendMessage in state AwaitingSellerResponse requires that the case holds fewer than 1000 events; the deadlines still finish the case.");
        refused.Refusal.AllowedActions.Should().BeEmpty();
        dispute.AllowedActions(Actor.Seller(Flagship), s_now).Should().BeEmpty();
        dispute.Explain(Actor.Seller(Flagship), s_now).Should().OnlyContain(a => !a.IsAllowed);
        dispute.Explain(Actor.Seller(Flagship), s_now).Single(a => a.Action == DisputeAction.Approve).Refusal!.Value.Message
            .Should().Be("Approve in state AwaitingSellerResponse requires that the case holds fewer than 1000 events.");
        dispute.Timeline.Should().HaveCount(Dispute.MaxPartyEvents);

        dispute.ExpireDeadline(s_now.AddDays(5)).ShouldSucceed();
        dispute.State.Should().NotBe(DisputeState.AwaitingSellerResponse, "the seller's silence still approves");
        Dispute.Rebuild(dispute.Timeline).Version.Should().Be(dispute.Version, "replay is not held to the limit");
    }
}
