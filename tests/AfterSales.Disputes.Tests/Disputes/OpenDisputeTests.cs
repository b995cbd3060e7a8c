using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

public class OpenDisputeTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);

    private static OpenOutcome TryOpen(OpenDisputeRequest request, params Dispute[] others) =>
        TryOpen(RouterOrder(), request, others);

    private static OpenOutcome TryOpen(AfterSales.Disputes.Orders.Order order, OpenDisputeRequest request, params Dispute[] others) =>
        Dispute.Open(request, OrderRefunds.Of(order, others), PolicyFor(order.StoreId), s_now);

    [Fact]
    public void Open_FreezesThePolicyWithItsVersion_TheEligibilityTrace_AndTheFlowVersion()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), s_now);

        dispute.Policy.Version.Should().Be("floor-1+cn-2025.1+Linkwave-w3+store-flagship-v1");
        dispute.Eligibility.IsEligible.Should().BeTrue();
        dispute.Eligibility.Trace.Select(c => c.Rule).Should().Contain("no-reason-window");
        dispute.FlowId.Should().Be("return-and-refund");
        dispute.FlowVersion.Should().Be(1);
        dispute.Remedy.Should().Be(Remedy.ReturnAndRefund);
        dispute.Version.Should().Be(1);
        dispute.Timeline.Should().ContainSingle().Which.Action.Should().Be(DisputeAction.Open);
    }

    [Fact]
    public void Open_StartsTheSellerResponseDeadline_48HoursBeforeShipment_5DaysAfter()
    {
        var notShipped = Open(RouterOrder(notShipped: true), Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(399)), Placed.AddHours(5));
        var shipped = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), s_now);

        notShipped.Deadline!.Value.DueAt.Should().Be(Placed.AddHours(53));
        notShipped.Deadline.Value.ExpiresWith.Should().Be(DisputeAction.AutoApprove);
        shipped.Deadline!.Value.DueAt.Should().Be(s_now.AddDays(5));
    }

    [Fact]
    public void Open_ARepair_StartsAReviewInBusinessDays()
    {
        // Friday 6 March 2026, 16:00 in Shanghai: two business days end on Tuesday 16:00.
        var friday = new DateTimeOffset(2026, 3, 6, 8, 0, 0, TimeSpan.Zero);

        var dispute = Open(RouterOrder(), Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair()), friday);

        dispute.Deadline!.Value.DueAt.Should().Be(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero));
        dispute.RepairFile!.ServiceCenterId.Should().Be(ServiceCenter);
        dispute.RepairFile.WarrantyCovered.Should().BeTrue();
    }

    [Fact]
    public void Open_ByAnotherBuyer_IsRefused()
    {
        var outcome = TryOpen(Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), buyerId: OtherBuyer));

        outcome.Refusal!.Code.Should().Be(DisputeRefusalCode.NotAParty);
    }

    [Fact]
    public void Open_AskingMoreThanTheLinePaid_IsAnOverRefund()
    {
        var outcome = TryOpen(Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399.01m)));

        outcome.Refusal!.Code.Should().Be(DisputeRefusalCode.OverRefund);
        outcome.Refusal.Message.Should().Be("A refund of 399.01 CNY exceeds the 399.00 CNY that can still be refunded for line line-router.");
    }

    [Fact]
    public void Open_ClaimingShipping_RaisesTheCeilingByTheShippingFee_OncePerOrder()
    {
        var order = RouterOrder(notShipped: true);
        var first = Open(order, Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(409), claimsShipping: true), Placed);

        var second = TryOpen(order, Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(40), disputeId: "d-2", lineId: "line-cable", claimsShipping: true), first);

        first.Ceiling.Should().Be(Yuan(409));
        second.Refusal!.Code.Should().Be(DisputeRefusalCode.OverRefund);
        second.Refusal.Message.Should().Be("The order's shipping fee is already refunded or claimed by another request.");
    }

    [Fact]
    public void Open_WhileAnotherRequestOnTheLineIsOpen_IsRefused()
    {
        var first = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), s_now);

        var second = TryOpen(Request(RequestKind.Exchange, RequestReason.Defective, disputeId: "d-2"), first);

        second.Refusal!.Code.Should().Be(DisputeRefusalCode.LineAlreadyDisputed);
    }

    [Fact]
    public void Open_AfterAnEarlierRefund_HasOnlyTheRestOfTheLineAsCeiling()
    {
        var first = Open(RouterOrder(), Request(RequestKind.RefundOnly, RequestReason.Defective, Yuan(100)), s_now);
        first.Approve(Flagship, s_now).ShouldSucceed();
        first.RecordRefundSuccess(new RefundResult("pay-1"), s_now).ShouldSucceed();

        var tooMuch = TryOpen(Request(RequestKind.RefundOnly, RequestReason.MissingParts, Yuan(300), disputeId: "d-2"), first);
        var rest = TryOpen(Request(RequestKind.RefundOnly, RequestReason.MissingParts, Yuan(299), disputeId: "d-2"), first);

        tooMuch.Refusal!.Code.Should().Be(DisputeRefusalCode.OverRefund);
        rest.Dispute!.Ceiling.Should().Be(Yuan(299));
    }

    [Theory]
    [InlineData(RequestKind.RefundOnly, null, "A RefundOnly request needs a positive refund amount.")]
    [InlineData(RequestKind.Exchange, 10.0, "A Exchange request asks for no refund amount.")]
    public void Open_WithAnAmountThatDoesNotFitTheKind_IsInvalid(RequestKind kind, double? refund, string message)
    {
        var outcome = TryOpen(Request(kind, RequestReason.Defective, refund is null ? null : Yuan((decimal)refund.Value)));

        outcome.Refusal!.Code.Should().Be(DisputeRefusalCode.InvalidInput);
        outcome.Refusal.Message.Should().Be(message);
    }

    [Fact]
    public void Open_WithAnAmountInAnotherCurrency_IsInvalid()
    {
        var outcome = TryOpen(Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Euro(50)));

        outcome.Refusal!.Message.Should().Be("The refund is in EUR, but order order-1 was paid in CNY.");
    }

    [Fact]
    public void Open_ARepairWithoutApplication_IsInvalid()
    {
        TryOpen(Request(RequestKind.Repair, RequestReason.Defective)).Refusal!.Message.Should().Be("A repair request needs a repair application.");
        TryOpen(Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair() with { SerialNumber = " " })).Refusal!.Code
            .Should().Be(DisputeRefusalCode.InvalidInput);
    }

    [Fact]
    public void Open_WhenNotEligible_IsRefusedWithTheFailedRulesAndTheTrace()
    {
        var order = RouterOrder();
        var outcome = Dispute.Open(Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), OrderRefunds.Of(order, []),
            PolicyFor(Flagship), Delivered.AddDays(8));

        outcome.Refusal!.Code.Should().Be(DisputeRefusalCode.NotEligible);
        outcome.Refusal.Message.Should().Be("The request is not eligible: The 7-day no-reason return window ended 2026-03-12.");
        outcome.Eligibility!.Failures.Select(f => f.Rule).Should().Equal("no-reason-window");
    }

    [Fact]
    public void AllowedActions_DependOnTheParty_AndANonPartyGetsNone()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), s_now);

        dispute.AllowedActions(Actor.Seller(Flagship), s_now).Should().Equal(
            DisputeAction.Approve, DisputeAction.Reject, DisputeAction.ProposeOffer, DisputeAction.SendMessage);
        dispute.AllowedActions(Actor.Buyer(Buyer), s_now).Should().Equal(DisputeAction.Withdraw, DisputeAction.SendMessage);
        dispute.AllowedActions(Actor.Seller(Reseller), s_now).Should().BeEmpty();
        dispute.Explain(Actor.Seller(Flagship), s_now).Single(a => a.Action == DisputeAction.Escalate).Refusal!.Value.GuardLabel
            .Should().Be("the buyer declined an offer");
    }

    [Fact]
    public void AnActionByAnotherStoreOrBuyer_IsRefusedAsNotAPartyAndChangesNothing()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), s_now);

        var byOtherStore = dispute.Approve(Reseller, s_now);
        var byOtherBuyer = dispute.Withdraw(OtherBuyer, s_now);
        var byFakeSystem = dispute.RetryRefund(new Actor(Party.System, "me"), s_now);
        var byNobody = dispute.SendMessage(new Actor(Party.None, "platform"), new MessageText("hi"), s_now);

        byOtherStore.Refusal!.Code.Should().Be(DisputeRefusalCode.NotAParty);
        byOtherStore.Refusal.AllowedActions.Should().BeEmpty();
        byOtherBuyer.Refusal!.Message.Should().Be("You are not the buyer of this request.");
        byFakeSystem.Refusal!.Code.Should().Be(DisputeRefusalCode.NotAParty);
        byNobody.Refusal!.Code.Should().Be(DisputeRefusalCode.NotAParty);
        dispute.AllowedActions(new Actor(Party.None, "platform"), s_now).Should().BeEmpty();
        dispute.Explain(new Actor(Party.Buyer | Party.Seller, Buyer), s_now).Should().BeEmpty();
        dispute.Version.Should().Be(1);
        dispute.State.Should().Be(DisputeState.AwaitingSellerResponse);
    }
}
