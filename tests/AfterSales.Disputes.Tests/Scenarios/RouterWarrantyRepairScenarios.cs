using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Disputes.DisputeAction;
using static AfterSales.Disputes.Disputes.DisputeState;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Scenarios;

/// <summary>
/// Stories of a router under a 24-month warranty: a fault repaired twice that keeps coming back, and
/// an out-of-warranty liquid-damage case that the buyer declines to pay for.
/// </summary>
public class RouterWarrantyRepairScenarios
{
    private static readonly ShipmentDetails s_toCenter = new("SF Express", "SF7000111");
    private static readonly ShipmentDetails s_back = new("SF Express", "SF7000999");

    [Fact]
    public void ARouterUnderWarranty_RepairedTwiceForTheSameFault_EntitlesTheBuyerToAnExchange()
    {
        // Eight months after purchase, on Friday 6 November 2026 at 16:00 in Shanghai.
        var friday = new DateTimeOffset(2026, 11, 6, 8, 0, 0, TimeSpan.Zero);
        var dispute = Open(RouterOrder(Flagship), Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair("wifi-drops")), friday);
        dispute.Eligibility.WarrantyCovered.Should().BeTrue();
        dispute.Eligibility.Windows.Should().ContainSingle(w => w.Name.StartsWith("warranty", StringComparison.Ordinal))
            .Which.EndsAt.Should().Be(new DateTimeOffset(2028, 3, 2, 0, 0, 0, TimeSpan.Zero), "24 months from the invoice date");

        // The review window is two business days: the weekend does not count, so it runs until Tuesday 16:00.
        dispute.Deadline!.Value.DueAt.Should().Be(new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero));
        dispute.ExpireDeadline(new DateTimeOffset(2026, 11, 9, 8, 0, 0, TimeSpan.Zero)).Succeeded.Should().BeFalse("Monday is only one business day later");
        dispute.Approve(Flagship, new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.Zero)).ShouldSucceed();

        var day = new DateTimeOffset(2026, 11, 10, 2, 0, 0, TimeSpan.Zero);
        RepairOnce(dispute, day);
        dispute.ConfirmRepair(Buyer, day.AddDays(6)).ShouldSucceed();
        dispute.State.Should().Be(RepairCompleted);

        // Three weeks later the Wi-Fi drops again: the same request reopens and the device goes back.
        dispute.ReportRepeatFault(Buyer, new RepeatFault("wifi-drops", "Drops again"), day.AddDays(27)).ShouldSucceed();
        dispute.State.Should().Be(AwaitingDeviceShipment);
        RepairOnce(dispute, day.AddDays(28));
        dispute.ExpireDeadline(day.AddDays(44)).ShouldSucceed(); // the buyer does not confirm: confirmed automatically

        // The second repair fails too: the buyer is now entitled to an exchange or a refund, and chooses the exchange.
        dispute.ReportRepeatFault(Buyer, new RepeatFault("wifi-drops", "Still drops"), day.AddDays(50)).ShouldSucceed();
        dispute.State.Should().Be(EntitledToExchangeOrRefund);
        dispute.AllowedActions(Actor.Buyer(Buyer), day.AddDays(50)).Should().Contain([ChooseExchange, ChooseRefund]);
        dispute.ChooseExchange(Buyer, day.AddDays(51)).ShouldSucceed();

        dispute.State.Should().Be(AwaitingReturnShipment);
        dispute.Remedy.Should().Be(Remedy.Exchange);
        dispute.RepairFile!.FailedRepairsOf("wifi-drops").Should().Be(2);
        dispute.RepairFile.Repairs.Should().HaveCount(2);
        dispute.Shipments.Where(s => s.Purpose == ShipmentPurpose.ToServiceCenter).Should().HaveCount(2);
        dispute.Timeline.Select(e => e.Action).Should().Equal(
            DisputeAction.Open, Approve,
            ShipDevice, ReceiveDevice, Diagnose, CompleteRepair, ShipDeviceBack, ConfirmRepair,
            ReportRepeatFault,
            ShipDevice, ReceiveDevice, Diagnose, CompleteRepair, ShipDeviceBack, AutoConfirmRepair,
            ReportRepeatFault, ChooseExchange);
    }

    [Fact]
    public void AnOutOfWarrantyLiquidDamageCase_IsQuoted_Declined_AndReturnedUnrepaired()
    {
        var opened = Delivered.AddDays(40);
        var dispute = Open(RouterOrder(Flagship), Request(RequestKind.Repair, RequestReason.Defective, cause: FaultCause.LiquidDamage,
            repair: RouterRepair("no-power")), opened);
        dispute.Eligibility.WarrantyCovered.Should().BeFalse();
        dispute.Eligibility.Trace.Single(c => c.Rule == "warranty").Reason
            .Should().Be("Not covered: liquid damage is excluded from the warranty. The service center will quote a fee for the repair.");

        dispute.Approve(Flagship, opened.AddHours(4)).ShouldSucceed();
        dispute.ShipDevice(Buyer, s_toCenter, opened.AddDays(1)).ShouldSucceed();
        dispute.ReceiveDevice(ServiceCenter, opened.AddDays(2)).ShouldSucceed();
        dispute.Diagnose(ServiceCenter, new Diagnosis(Covered: true, "Corrosion", Fee: Yuan(180)), opened.AddDays(2)).Refusal!.Message
            .Should().Be("A repair covered by the warranty has no fee.");
        dispute.Diagnose(ServiceCenter, new Diagnosis(Covered: false, "Corrosion on the power board", Yuan(180), FaultCause.LiquidDamage), opened.AddDays(2))
            .ShouldSucceed();
        dispute.State.Should().Be(AwaitingQuoteDecision);

        dispute.DeclineQuote(Buyer, opened.AddDays(3)).ShouldSucceed();
        dispute.ShipDeviceBack(ServiceCenter, s_back, opened.AddDays(4)).ShouldSucceed();

        dispute.Closure.Should().Be(ClosureReason.ReturnedUnrepaired);
        dispute.RepairFile!.Diagnosis!.Fee.Should().Be(Yuan(180));
        dispute.Refund.Should().BeNull();
        dispute.Timeline.Select(e => (e.Party, e.Action, e.To)).Should().Equal(
            (Party.Buyer, DisputeAction.Open, AwaitingSellerResponse),
            (Party.Seller, Approve, AwaitingDeviceShipment),
            (Party.Buyer, ShipDevice, DeviceInTransit),
            (Party.ServiceCenter, ReceiveDevice, AwaitingDiagnosis),
            (Party.ServiceCenter, Diagnose, AwaitingQuoteDecision),
            (Party.Buyer, DeclineQuote, ReturningDevice),
            (Party.ServiceCenter, ShipDeviceBack, Closed));
    }

    [Fact]
    public void AQuoteLeftUnanswered_IsDeclined_AndAnotherServiceCenterCannotAct()
    {
        var opened = Delivered.AddDays(40);
        var dispute = Open(RouterOrder(Flagship), Request(RequestKind.Repair, RequestReason.Defective, cause: FaultCause.PhysicalDamage,
            repair: RouterRepair("cracked-case")), opened);
        dispute.Approve(Flagship, opened).ShouldSucceed();
        dispute.ShipDevice(Buyer, s_toCenter, opened).ShouldSucceed();

        dispute.ReceiveDevice("sc-elsewhere", opened).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAParty);
        dispute.ReceiveDevice(ServiceCenter, opened).ShouldSucceed();
        dispute.Diagnose(ServiceCenter, new Diagnosis(false, "Cracked case", Amount.Of(9000, "CNY")), opened).ShouldSucceed();
        dispute.ExpireDeadline(opened.AddDays(7)).ShouldSucceed();

        dispute.State.Should().Be(ReturningDevice);
        dispute.RepairFile!.QuoteDeclined.Should().BeTrue();
    }

    private static void RepairOnce(Dispute dispute, DateTimeOffset start)
    {
        dispute.ShipDevice(Buyer, s_toCenter, start).ShouldSucceed();
        dispute.ReceiveDevice(ServiceCenter, start.AddDays(2)).ShouldSucceed();
        dispute.Diagnose(ServiceCenter, new Diagnosis(Covered: true, "Faulty Wi-Fi module"), start.AddDays(2)).ShouldSucceed();
        dispute.CompleteRepair(ServiceCenter, new RepairReport(RepairResult.Repaired, "Replaced the Wi-Fi module"), start.AddDays(3)).ShouldSucceed();
        dispute.ShipDeviceBack(ServiceCenter, s_back, start.AddDays(4)).ShouldSucceed();
        dispute.State.Should().Be(AwaitingRepairConfirmation);
    }
}
