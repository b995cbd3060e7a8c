using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

public class ReturnAndRefundTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);
    private static readonly ShipmentDetails s_express = new("SF Express", "SF100200300");

    private static Dispute Approved(RequestKind kind = RequestKind.ReturnAndRefund)
    {
        var dispute = Open(RouterOrder(), Request(kind, kind == RequestKind.Exchange ? RequestReason.Defective : RequestReason.NoReason,
            kind == RequestKind.Exchange ? null : Yuan(399)), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        return dispute;
    }

    private static Dispute Shipped(ShipmentDetails? shipment = null)
    {
        var dispute = Approved();
        dispute.ShipReturn(Buyer, shipment ?? s_express, s_now.AddDays(1)).ShouldSucceed();
        return dispute;
    }

    [Fact]
    public void AReturnNotShippedWithinSevenDays_ClosesTheRequest()
    {
        var dispute = Approved();

        dispute.ExpireDeadline(s_now.AddDays(7)).ShouldSucceed();

        dispute.Closure.Should().Be(ClosureReason.NotShippedBack);
    }

    [Fact]
    public void ShipReturn_NeedsCarrierAndTracking_AndStartsTheTenDayReceiptWindow()
    {
        var dispute = Approved();

        dispute.ShipReturn(Buyer, new ShipmentDetails("SF", " "), s_now).Refusal!.Message.Should().Be("A shipment needs a carrier and a tracking number.");
        dispute.ShipReturn(Buyer, s_express, s_now.AddDays(1)).ShouldSucceed();

        dispute.ReturnShipment!.Details.TrackingNumber.Should().Be("SF100200300");
        dispute.Deadline!.Value.ExpiresWith.Should().Be(DisputeAction.AutoConfirmReceipt);
        dispute.Deadline.Value.DueAt.Should().Be(s_now.AddDays(11));
    }

    [Fact]
    public void AReturnBySurfaceMail_GivesTheSellerThirtyDays()
    {
        var dispute = Shipped(s_express with { Method = ShippingMethod.Surface });

        dispute.Deadline!.Value.DueAt.Should().Be(s_now.AddDays(31));
    }

    [Fact]
    public void SellerSilenceOnReceipt_RefundsAutomatically()
    {
        var dispute = Shipped();

        dispute.ExpireDeadline(s_now.AddDays(11)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(399));
        dispute.ReturnShipment!.ReceivedAt.Should().Be(s_now.AddDays(11));
        dispute.Scorecard.SellerTimeouts.Should().Be(1);
    }

    [Fact]
    public void ANotIntactReport_NeedsEvidenceAndTheRemainingRefund()
    {
        var dispute = Shipped();

        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.VisibleWear, [], Yuan(300)), s_now).Refusal!.Message
            .Should().Be("A report that the item is not intact must attach evidence.");
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.VisibleWear, ["photo-9"]), s_now).Refusal!.Message
            .Should().Be("A report that the item is not intact proposes the refund that remains (zero for none).");
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.VisibleWear, ["photo-9"], Yuan(400)), s_now).Refusal!.Message
            .Should().Be("The proposed refund 400.00 CNY is more than the 399.00 CNY agreed.");
        dispute.Version.Should().Be(3);
    }

    [Fact]
    public void ANotIntactReport_AcceptedByTheBuyer_RefundsWhatTheSellerProposed()
    {
        var dispute = Shipped();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.SerialTampered, ["photo-9"], Yuan(200), "Serial sticker replaced"), s_now.AddDays(2)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.ItemProblemReported);
        dispute.AllowedActions(Actor.Buyer(Buyer), s_now).Should().Contain([DisputeAction.AcceptProblemReport, DisputeAction.Escalate]);

        dispute.AcceptProblemReport(Buyer, s_now.AddDays(3)).ShouldSucceed();

        dispute.Refund!.Amount.Should().Be(Yuan(200));
    }

    [Fact]
    public void ANotIntactReportWithNothingLeft_ClosesWhenTheBuyerStaysSilent()
    {
        var dispute = Shipped();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.Damaged, ["photo-9"], Yuan(0)), s_now.AddDays(2)).ShouldSucceed();

        dispute.ExpireDeadline(s_now.AddDays(9)).ShouldSucceed();

        dispute.Closure.Should().Be(ClosureReason.ProblemAccepted);
        dispute.Refund.Should().BeNull();
        dispute.Timeline[^1].Party.Should().Be(Party.System);
    }

    [Fact]
    public void ARefundThatFails_IsRetriedWithTheSameRefundId_UntilItSucceeds()
    {
        var dispute = Shipped();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.OpenedForInspection, []), s_now.AddDays(2)).ShouldSucceed();

        dispute.RecordRefundSuccess(new RefundResult(null), s_now).Refusal!.Message.Should().Be("A paid refund needs the gateway's reference.");
        dispute.RecordRefundFailure(new RefundResult(null, "gateway timeout"), s_now.AddDays(2)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.RefundFailed);
        dispute.Refund!.Status.Should().Be(RefundStatus.Failed);
        dispute.ExpireDeadline(s_now.AddDays(2).AddHours(1)).ShouldSucceed();
        dispute.Refund.Should().BeEquivalentTo(new { RefundId = "dispute-1-refund", Status = RefundStatus.Pending, Attempts = 2 });
        dispute.RecordRefundSuccess(new RefundResult("pay-77"), s_now.AddDays(2).AddHours(1)).ShouldSucceed();

        dispute.Refund.Should().BeEquivalentTo(new { RefundId = "dispute-1-refund", Amount = Yuan(399), Status = RefundStatus.Succeeded, Attempts = 2, GatewayReference = "pay-77" });
        dispute.Closure.Should().Be(ClosureReason.Refunded);
    }

    [Fact]
    public void AnArbitratorMayRetryAFailedRefundAtOnce_ButABuyerMayNot()
    {
        var dispute = Open(RouterOrder(notShipped: true), Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(399)), Placed);
        dispute.Approve(Flagship, Placed).ShouldSucceed();
        dispute.RecordRefundFailure(new RefundResult(null, "declined"), Placed).ShouldSucceed();

        dispute.RetryRefund(Actor.Buyer(Buyer), Placed).Refusal!.Message.Should().Be("RetryRefund in state RefundFailed is for Seller or Arbitrator or System, not Buyer.");
        dispute.RetryRefund(Actor.Arbitrator(Arbitrator), Placed).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Refunding);
    }

    [Fact]
    public void AnExchange_ShipsAReplacementAfterReceipt_ConfirmedByTheBuyer()
    {
        var dispute = Approved(RequestKind.Exchange);
        dispute.ShipReturn(Buyer, s_express, s_now).ShouldSucceed();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, []), s_now.AddDays(2)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.AwaitingReplacementShipment);

        dispute.ShipReplacement(Flagship, new ShipmentDetails("SF", "SF999"), s_now.AddDays(3)).ShouldSucceed();
        dispute.ConfirmReplacement(Buyer, s_now.AddDays(5)).ShouldSucceed();

        dispute.Closure.Should().Be(ClosureReason.Exchanged);
        dispute.Shipments.Select(s => (s.Purpose, s.ReceivedAt)).Should().Equal(
            (ShipmentPurpose.Return, s_now.AddDays(2)), (ShipmentPurpose.Replacement, s_now.AddDays(5)));
    }

    [Fact]
    public void AReplacementNotConfirmed_IsConfirmedAutomatically()
    {
        var dispute = Approved(RequestKind.Exchange);
        dispute.ShipReturn(Buyer, s_express, s_now).ShouldSucceed();
        dispute.ExpireDeadline(s_now.AddDays(10)).ShouldSucceed();
        dispute.ShipReplacement(Flagship, new ShipmentDetails("SF", "SF999"), s_now.AddDays(11)).ShouldSucceed();

        dispute.ExpireDeadline(s_now.AddDays(21)).ShouldSucceed();

        dispute.Closure.Should().Be(ClosureReason.Exchanged);
    }

    [Fact]
    public void AReplacementNotShippedInTime_IsRefundedInstead()
    {
        var dispute = Approved(RequestKind.Exchange);
        dispute.ShipReturn(Buyer, s_express, s_now).ShouldSucceed();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, []), s_now.AddDays(2)).ShouldSucceed();

        dispute.ExpireDeadline(s_now.AddDays(7)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(399), "an exchange refunds what can be refunded for the line");
        dispute.Scorecard.SellerTimeouts.Should().Be(1);
    }
}
