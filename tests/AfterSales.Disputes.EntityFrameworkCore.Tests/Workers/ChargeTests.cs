using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Payments;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Workers;

/// <summary>
/// An accepted repair fee is charged by the outbox through the platform's payment service, once, whatever the
/// retries; when the paid repair fails, the fee goes back through the refund gateway, once.
/// </summary>
public class ChargeTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task APaymentServiceThatFailsOnce_ChargesTheFeeExactlyOnce_AndTheRepairGoesOn(string provider)
    {
        await using var host = await TestHost.StartAsync(provider, now: Delivered.AddDays(40));
        host.Payments.FailuresBeforeSuccess = 1;
        await AcceptQuoteAsync(host);

        await host.RunOutboxAsync();                  // attempt 1: declined
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.RunDeadlinesAsync();               // retried with the same charge id
        await host.RunOutboxAsync();                  // attempt 2: charged
        await host.RunOutboxAsync();                  // nothing left to send

        var dispute = await host.SendAsync(new GetDispute("dispute-1"));
        dispute!.State.Should().Be(DisputeState.Repairing);
        dispute.Charge.Should().BeEquivalentTo(new { ChargeId = "dispute-1-charge-1", Status = ChargeStatus.Succeeded, Attempts = 2, PaymentReference = "pay-dispute-1-charge-1" });
        host.Payments.Charged.Should().ContainSingle().Which.Value.Should().BeEquivalentTo(new { Amount = Yuan(180), BuyerId = Buyer });
        host.Payments.Calls.Select(c => (c.ChargeId, c.Attempt)).Should().Equal(("dispute-1-charge-1", 1), ("dispute-1-charge-1", 2));
    }

    [SkippableFact]
    public async Task WhenThePaidRepairFails_TheFeeIsRefundedOnce_ThroughTheRefundGateway()
    {
        await using var host = await TestHost.StartAsync("sqlite", now: Delivered.AddDays(40));
        host.Gateway.FailuresBeforeSuccess = 1;
        await AcceptQuoteAsync(host);
        await host.RunOutboxAsync();
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.ServiceCenter(ServiceCenter), DisputeAction.CompleteRepair, new RepairReport(RepairResult.Repaired, "New board")));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.ServiceCenter(ServiceCenter), DisputeAction.ShipDeviceBack, new ShipmentDetails("SF Express", "SF2")));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.ConfirmRepair));

        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.ReportRepeatFault, new RepeatFault("wifi-drops", "Dead again")));
        await host.RunOutboxAsync();                  // the refund gateway fails once: retried by the outbox
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.RunOutboxAsync();
        await host.RunOutboxAsync();

        var dispute = await host.SendAsync(new GetDispute("dispute-1"));
        dispute!.Charge.Should().BeEquivalentTo(new { Status = ChargeStatus.Refunded, RefundReference = "pay-dispute-1-charge-1-refund" });
        host.Gateway.Paid.Should().ContainSingle().Which.Value.Should().BeEquivalentTo(new { RefundId = "dispute-1-charge-1-refund", Amount = Yuan(180) });
        dispute.State.Should().Be(DisputeState.AwaitingDeviceShipment, "the repair is done again, free");
    }

    /// <summary>
    /// The payment service accepts the fee as pending: the case waits in ChargingBuyer until the service's answer (its
    /// callback) records the charge, once; then a failed repair's fee goes back, accepted as pending too and asked again
    /// by the outbox until it is paid.
    /// </summary>
    [SkippableFact]
    public async Task APendingCharge_WaitsForItsAnswer_AndAPendingFeeRefund_IsAskedAgainUntilPaid()
    {
        await using var host = await TestHost.StartAsync("sqlite", now: Delivered.AddDays(40));
        host.Payments.AcceptsAsPending = true;
        host.Gateway.AcceptsAsPending = true;
        await AcceptQuoteAsync(host);

        await host.RunOutboxAsync();

        (await host.SendAsync(new GetDispute("dispute-1")))!.State.Should().Be(DisputeState.ChargingBuyer);
        (await host.SendAsync(new RecordPaymentAnswer("dispute-1", PaymentKind.Charge, "dispute-1-charge-1", true, "pay-dispute-1-charge-1", null)))
            .Should().Be(PaymentAnswer.Recorded);
        (await host.SendAsync(new RecordPaymentAnswer("dispute-1", PaymentKind.Charge, "dispute-1-charge-1", true, "pay-dispute-1-charge-1", null)))
            .Should().Be(PaymentAnswer.AlreadyRecorded);
        var charged = (await host.SendAsync(new GetDispute("dispute-1")))!;
        charged.State.Should().Be(DisputeState.Repairing);
        charged.Timeline.Where(e => e.Action == DisputeAction.RecordChargeSuccess).Should().ContainSingle();

        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.ServiceCenter(ServiceCenter), DisputeAction.CompleteRepair, new RepairReport(RepairResult.Repaired, "New board")));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.ServiceCenter(ServiceCenter), DisputeAction.ShipDeviceBack, new ShipmentDetails("SF Express", "SF2")));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.ConfirmRepair));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.ReportRepeatFault, new RepeatFault("wifi-drops", "Dead again")));
        await host.RunOutboxAsync();                  // accepted as pending: not recorded, asked again later
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.RunOutboxAsync();                  // the same id: paid

        var refunded = (await host.SendAsync(new GetDispute("dispute-1")))!;
        refunded.Charge.Should().BeEquivalentTo(new { Status = ChargeStatus.Refunded, RefundReference = "pay-dispute-1-charge-1-refund" });
        host.Gateway.Calls.Select(c => (c.RefundId, c.Purpose)).Should().Equal(
            ("dispute-1-charge-1-refund", RefundPurpose.RepairFee), ("dispute-1-charge-1-refund", RefundPurpose.RepairFee));
        host.Gateway.Paid.Should().ContainSingle();
    }

    private static async Task AcceptQuoteAsync(TestHost host)
    {
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.Repair, RequestReason.Defective, cause: FaultCause.LiquidDamage,
            repair: RouterRepair() with { ProofOfPurchaseId = null, MediaIds = [] })));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.ShipDevice, new ShipmentDetails("SF Express", "SF1")));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.ServiceCenter(ServiceCenter), DisputeAction.ReceiveDevice));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.ServiceCenter(ServiceCenter), DisputeAction.Diagnose,
            new Diagnosis(false, "Corroded board", Yuan(180), FaultCause.LiquidDamage)));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.AcceptQuote));
    }
}
