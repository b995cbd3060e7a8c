using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

public class RepairTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(30);
    private static readonly ShipmentDetails s_parcel = new("SF", "SF42");

    private static Dispute Repaired()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair("wifi-drops")), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.ShipDevice(Buyer, s_parcel, s_now).ShouldSucceed();
        dispute.ReceiveDevice(ServiceCenter, s_now).ShouldSucceed();
        dispute.Diagnose(ServiceCenter, new Diagnosis(true, "Wi-Fi module"), s_now).ShouldSucceed();
        dispute.CompleteRepair(ServiceCenter, new RepairReport(RepairResult.Replaced, "New unit"), s_now).ShouldSucceed();
        dispute.ShipDeviceBack(ServiceCenter, s_parcel, s_now).ShouldSucceed();
        dispute.ConfirmRepair(Buyer, s_now.AddDays(2)).ShouldSucceed();
        return dispute;
    }

    [Fact]
    public void ACompletedRepair_ClosesAfterTheFollowUpPeriod_AndCanBeRatedBefore()
    {
        var dispute = Repaired();

        dispute.Rate(Buyer, new RatingInput(5, "Fast"), s_now.AddDays(3)).ShouldSucceed();
        dispute.Rate(Buyer, new RatingInput(4), s_now.AddDays(3)).Refusal!.Message
            .Should().Be("Rate in state RepairCompleted requires that the request has not been rated yet.");
        dispute.ExpireDeadline(s_now.AddDays(92)).ShouldSucceed();

        dispute.Closure.Should().Be(ClosureReason.Repaired);
        dispute.Scorecard.RatingStars.Should().Be(5);
    }

    [Fact]
    public void TwoDifferentFaults_EachRepairedOnce_DoNotEntitleTheBuyer()
    {
        var dispute = Repaired();
        dispute.ReportRepeatFault(Buyer, new RepeatFault("no-power", "Does not start"), s_now.AddDays(10)).ShouldSucceed();
        dispute.ShipDevice(Buyer, s_parcel, s_now.AddDays(11)).ShouldSucceed();
        dispute.Withdraw(Buyer, s_now.AddDays(11)).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed, "the device is on its way");
        dispute.ReceiveDevice(ServiceCenter, s_now.AddDays(12)).ShouldSucceed();
        dispute.Diagnose(ServiceCenter, new Diagnosis(true, "Power board"), s_now.AddDays(12)).ShouldSucceed();
        dispute.CompleteRepair(ServiceCenter, new RepairReport(RepairResult.Repaired, "Power board"), s_now.AddDays(13)).ShouldSucceed();
        dispute.ShipDeviceBack(ServiceCenter, s_parcel, s_now.AddDays(13)).ShouldSucceed();

        dispute.ReportRepeatFault(Buyer, new RepeatFault("wifi-drops", "Wi-Fi drops"), s_now.AddDays(15)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingDeviceShipment, "each fault has failed one repair only");
        dispute.RepairFile!.FailedRepairsOf("no-power").Should().Be(1);
        dispute.RepairFile.FailedRepairsOf("wifi-drops").Should().Be(1);
    }

    [Fact]
    public void AnEntitledBuyerWhoDoesNotChoose_GetsTheRefund()
    {
        var dispute = Repaired();
        dispute.ReportRepeatFault(Buyer, new RepeatFault("wifi-drops", "again"), s_now.AddDays(10)).ShouldSucceed();
        dispute.ShipDevice(Buyer, s_parcel, s_now.AddDays(10)).ShouldSucceed();
        dispute.ReceiveDevice(ServiceCenter, s_now.AddDays(11)).ShouldSucceed();
        dispute.Diagnose(ServiceCenter, new Diagnosis(true, "Antenna"), s_now.AddDays(11)).ShouldSucceed();
        dispute.CompleteRepair(ServiceCenter, new RepairReport(RepairResult.Repaired, "Antenna"), s_now.AddDays(12)).ShouldSucceed();
        dispute.ShipDeviceBack(ServiceCenter, s_parcel, s_now.AddDays(12)).ShouldSucceed();
        dispute.ReportRepeatFault(Buyer, new RepeatFault("wifi-drops", "still"), s_now.AddDays(14)).ShouldSucceed();

        dispute.ExpireDeadline(s_now.AddDays(29)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingReturnShipment);
        dispute.Remedy.Should().Be(Remedy.ReturnAndRefund);
        dispute.AgreedRefund.Should().Be(Yuan(399), "the refund is what can be refunded for the router");
    }

    [Fact]
    public void ADiagnosisNotCovered_NeedsAPositiveFeeInTheOrderCurrency()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair()), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.ShipDevice(Buyer, s_parcel, s_now).ShouldSucceed();
        dispute.ReceiveDevice(ServiceCenter, s_now).ShouldSucceed();

        dispute.Diagnose(ServiceCenter, new Diagnosis(false, "Drop damage"), s_now).Refusal!.Message
            .Should().Be("A repair not covered by the warranty needs a positive fee.");
        dispute.Diagnose(ServiceCenter, new Diagnosis(false, "Drop damage", Euro(20)), s_now).Refusal!.Message
            .Should().Be("The amount is in EUR, but the order was paid in CNY.");
        dispute.State.Should().Be(DisputeState.AwaitingDiagnosis);
    }
}
