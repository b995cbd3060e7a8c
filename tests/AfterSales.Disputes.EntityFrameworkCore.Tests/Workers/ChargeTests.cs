using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Workers;

/// <summary>An accepted repair fee is charged by the outbox through the platform's payment service, once, whatever the retries.</summary>
public class ChargeTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task APaymentServiceThatFailsOnce_ChargesTheFeeExactlyOnce_AndTheRepairGoesOn(string provider)
    {
        await using var host = await TestHost.StartAsync(provider, now: Delivered.AddDays(40));
        host.Payments.FailuresBeforeSuccess = 1;
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.Repair, RequestReason.Defective, cause: FaultCause.LiquidDamage,
            repair: RouterRepair() with { ProofOfPurchaseId = null, MediaIds = [] })));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.ShipDevice, new ShipmentDetails("SF Express", "SF1")));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.ServiceCenter(ServiceCenter), DisputeAction.ReceiveDevice));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.ServiceCenter(ServiceCenter), DisputeAction.Diagnose,
            new Diagnosis(false, "Corroded board", Yuan(180), FaultCause.LiquidDamage)));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.AcceptQuote));

        await host.RunOutboxAsync();                  // attempt 1: declined
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.RunDeadlinesAsync();               // retried with the same charge id
        await host.RunOutboxAsync();                  // attempt 2: charged
        await host.RunOutboxAsync();                  // nothing left to send

        var dispute = await host.SendAsync(new GetDispute("dispute-1"));
        dispute!.State.Should().Be(DisputeState.Repairing);
        dispute.FeeCharge.Should().BeEquivalentTo(new { ChargeId = "dispute-1-fee-1", Status = ChargeStatus.Succeeded, Attempts = 2, PaymentReference = "pay-dispute-1-fee-1" });
        host.Payments.Charged.Should().ContainSingle().Which.Value.Should().BeEquivalentTo(new { Amount = Yuan(180), BuyerId = Buyer });
        host.Payments.Calls.Select(c => (c.ChargeId, c.Attempt)).Should().Equal(("dispute-1-fee-1", 1), ("dispute-1-fee-1", 2));
    }
}
