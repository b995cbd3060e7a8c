using System.Text.Json;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

/// <summary>
/// A quoted repair fee the buyer accepts is charged through the platform's payment service before the repair, with
/// an idempotent charge id: a failure or no answer is retried after a growing delay, the buyer may retry at once, and
/// when it cannot be charged the device comes back unrepaired.
/// </summary>
public class RepairFeeTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(40);

    private static Dispute Accepted()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.Repair, RequestReason.Defective, cause: FaultCause.LiquidDamage, repair: RouterRepair()), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.ShipDevice(Buyer, new ShipmentDetails("SF Express", "SF1"), s_now).ShouldSucceed();
        dispute.ReceiveDevice(ServiceCenter, s_now.AddDays(1)).ShouldSucceed();
        dispute.Diagnose(ServiceCenter, new Diagnosis(false, "Corroded board", Yuan(180), FaultCause.LiquidDamage), s_now.AddDays(2)).ShouldSucceed();
        dispute.AcceptQuote(Buyer, s_now.AddDays(3)).ShouldSucceed();
        return dispute;
    }

    private static DisputeResult Answer(Dispute dispute, DisputeAction action, ChargeResult result, DateTimeOffset at) =>
        dispute.Take(Actor.System, action, result, at);

    [Fact]
    public void AnAcceptedFee_IsChargedFirst_WithAnIdempotentChargeId_AndTheRepairFollowsTheCharge()
    {
        var dispute = Accepted();

        dispute.State.Should().Be(DisputeState.ChargingBuyer);
        dispute.Charge.Should().Be(new ChargeRecord("dispute-1-charge-1", Yuan(180), ChargeStatus.Pending, 1, s_now.AddDays(3)));
        dispute.Deadline!.Value.Should().BeEquivalentTo(new { ExpiresWith = DisputeAction.TimeOutCharge, DueAt = s_now.AddDays(4) });
        Answer(dispute, DisputeAction.RecordChargeSuccess, new ChargeResult("pay-77"), s_now.AddDays(3)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Repairing);
        dispute.Charge!.Should().BeEquivalentTo(new { Status = ChargeStatus.Succeeded, PaymentReference = "pay-77" });
    }

    [Fact]
    public void AFailedCharge_IsRetriedWithTheSameId_AfterADelayThatDoubles()
    {
        var dispute = Accepted();

        Answer(dispute, DisputeAction.RecordChargeFailure, new ChargeResult(null, "card declined"), s_now.AddDays(3)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.ChargeFailed);
        dispute.Deadline!.Value.DueAt.Should().Be(s_now.AddDays(3).AddHours(1));
        dispute.ExpireDeadline(s_now.AddDays(3).AddHours(1)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.ChargingBuyer);
        Answer(dispute, DisputeAction.RecordChargeFailure, new ChargeResult(null, "card declined"), s_now.AddDays(3).AddHours(1)).ShouldSucceed();

        dispute.Deadline!.Value.DueAt.Should().Be(s_now.AddDays(3).AddHours(3));
        dispute.Charges.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ChargeId = "dispute-1-charge-1", Attempts = 2, LastFailure = "card declined" });
    }

    [Fact]
    public void AChargeNobodyAnswers_CountsAsFailed()
    {
        var dispute = Accepted();

        dispute.ExpireDeadline(s_now.AddDays(4)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.ChargeFailed);
        dispute.Charge!.LastFailure.Should().Be("The payment service did not answer within the 24-hour charge answer window.");
    }

    [Fact]
    public void AfterTheLastAutomaticAttempt_TheDeviceComesBackUnrepaired_UnlessTheBuyerRetries()
    {
        var dispute = Accepted();
        var at = s_now.AddDays(3);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Answer(dispute, DisputeAction.RecordChargeFailure, new ChargeResult(null, "card declined"), at).ShouldSucceed();
            at = dispute.Deadline!.Value.DueAt;
            dispute.ExpireDeadline(at).ShouldSucceed();
        }

        dispute.State.Should().Be(DisputeState.ReturningDevice);
        dispute.RepairFile!.QuoteDeclined.Should().BeTrue();
        dispute.ShipDeviceBack(ServiceCenter, new ShipmentDetails("SF Express", "SF2"), at).ShouldSucceed();
        dispute.Closure.Should().Be(ClosureReason.ReturnedUnrepaired);
    }

    [Fact]
    public void TheBuyer_MayRetryAtOnce_OrGiveUp()
    {
        var retried = Accepted();
        Answer(retried, DisputeAction.RecordChargeFailure, new ChargeResult(null, "card declined"), s_now.AddDays(3)).ShouldSucceed();
        retried.Take(Actor.Buyer(Buyer), DisputeAction.RetryCharge, null, s_now.AddDays(3).AddMinutes(5)).ShouldSucceed();
        retried.State.Should().Be(DisputeState.ChargingBuyer);
        retried.Charge!.Attempts.Should().Be(2);

        var givenUp = Accepted();
        Answer(givenUp, DisputeAction.RecordChargeFailure, new ChargeResult(null, "card declined"), s_now.AddDays(3)).ShouldSucceed();
        givenUp.DeclineQuote(Buyer, s_now.AddDays(3)).ShouldSucceed();
        givenUp.State.Should().Be(DisputeState.ReturningDevice);
    }

    [Fact]
    public void OnlyThePaymentServicesAnswers_RecordACharge()
    {
        var dispute = Accepted();

        Answer(dispute, DisputeAction.RecordChargeSuccess, new ChargeResult(" "), s_now).Refusal!.Message.Should().Be("A completed charge needs the payment service's reference.");
        dispute.Take(Actor.Buyer(Buyer), DisputeAction.RecordChargeSuccess, new ChargeResult("pay-1"), s_now).Succeeded.Should().BeFalse();
        dispute.State.Should().Be(DisputeState.ChargingBuyer);
    }

    [Fact]
    public void ARequestOpenedBeforePayments_GoesStraightToTheRepair_WhenItsQuoteIsAccepted()
    {
        var live = Accepted();
        var opening = (DisputeOpened)live.Timeline[0].Data!;
        var before = JsonSerializer.Serialize<DisputeEventData>(opening, DisputeJson.Options).Replace(",\"chargesFees\":true", "", StringComparison.Ordinal);
        var old = live.Timeline[0] with { Data = JsonSerializer.Deserialize<DisputeEventData>(before, DisputeJson.Options) };

        var rebuilt = Dispute.Rebuild([old, .. live.Timeline.Skip(1).Take(4)]);
        rebuilt.AcceptQuote(Buyer, s_now.AddDays(3)).ShouldSucceed();

        before.Should().NotContain("chargesFees");
        rebuilt.State.Should().Be(DisputeState.Repairing);
        rebuilt.Charges.Should().BeEmpty();
    }

    [Fact]
    public void AChargedRepair_RebuildsFromItsTimeline()
    {
        var dispute = Accepted();
        Answer(dispute, DisputeAction.RecordChargeFailure, new ChargeResult(null, "card declined"), s_now.AddDays(3)).ShouldSucceed();
        dispute.ExpireDeadline(dispute.Deadline!.Value.DueAt).ShouldSucceed();
        Answer(dispute, DisputeAction.RecordChargeSuccess, new ChargeResult("pay-2"), s_now.AddDays(4)).ShouldSucceed();

        var rebuilt = Dispute.Rebuild(dispute.Timeline);

        rebuilt.Charges.Should().Equal(dispute.Charges);
        rebuilt.State.Should().Be(DisputeState.Repairing);
    }

    [Fact]
    public void WhenThePaidRepairFails_TheFeeIsDueBack_AndItsRefundIsRecordedWheneverItComes()
    {
        var dispute = Accepted();
        Answer(dispute, DisputeAction.RecordChargeSuccess, new ChargeResult("pay-77"), s_now.AddDays(3)).ShouldSucceed();
        dispute.CompleteRepair(ServiceCenter, new RepairReport(RepairResult.Repaired, "New power board"), s_now.AddDays(5)).ShouldSucceed();
        dispute.ShipDeviceBack(ServiceCenter, new ShipmentDetails("SF Express", "SF2"), s_now.AddDays(6)).ShouldSucceed();
        dispute.ConfirmRepair(Buyer, s_now.AddDays(8)).ShouldSucceed();
        dispute.AllowedActions(Actor.System, s_now.AddDays(9)).Should().NotContain(DisputeAction.RecordFeeRefund, "nothing is due back yet");

        dispute.ReportRepeatFault(Buyer, new RepeatFault("wifi-drops", "Dead again"), s_now.AddDays(20)).ShouldSucceed();
        dispute.Charge!.Status.Should().Be(ChargeStatus.RefundDue);
        dispute.Withdraw(Buyer, s_now.AddDays(21)).ShouldSucceed();
        Answer(dispute, DisputeAction.RecordFeeRefund, new ChargeResult("gw-back-1"), s_now.AddDays(22)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Closed, "the refund of the fee is recorded after the case closed, and changes no step");
        dispute.Charge!.Should().BeEquivalentTo(new { Status = ChargeStatus.Refunded, RefundReference = "gw-back-1" });
        Answer(dispute, DisputeAction.RecordFeeRefund, new ChargeResult("gw-back-1"), s_now.AddDays(23)).Succeeded.Should().BeFalse("it is recorded once");
    }
}
