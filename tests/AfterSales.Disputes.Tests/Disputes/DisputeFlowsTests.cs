using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

public class DisputeFlowsTests
{
    [Fact]
    public void TheFourFlowsBuild_AndShareTheirStepsExceptRepairForRefundOnly()
    {
        DisputeFlows.Catalog.All.Select(f => f.ToString()).Should().Equal("exchange v1", "refund-only v1", "repair v1", "return-and-refund v1");
        DisputeFlows.RefundOnly.Contains(DisputeState.AwaitingDeviceShipment).Should().BeFalse();
        DisputeFlows.Repair.Contains(DisputeState.AwaitingDeviceShipment).Should().BeTrue();
    }

    [Fact]
    public void ANoReasonReturn_CanBeOpenedApprovedShippedAndRefunded()
    {
        var now = Delivered.AddDays(2);
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), now);

        dispute.State.Should().Be(DisputeState.AwaitingSellerResponse);
        dispute.Approve(Flagship, now.AddHours(1)).ShouldSucceed();
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF Express", "SF1234567"), now.AddDays(1)).ShouldSucceed();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(AfterSales.Disputes.Policies.ConditionIssue.None, []), now.AddDays(2)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(399));
        dispute.RecordRefundSuccess(new RefundResult("pay-1"), now.AddDays(2)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.Closed);
        dispute.Closure.Should().Be(ClosureReason.Refunded);
    }
}
