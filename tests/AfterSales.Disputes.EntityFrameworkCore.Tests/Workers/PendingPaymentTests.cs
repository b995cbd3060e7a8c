using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Payments;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Workers;

/// <summary>A payment service that accepts a refund and pays it later: the case waits, and its answer is recorded once.</summary>
public class PendingPaymentTests
{
    /// <summary>
    /// The refund is accepted as pending: the case waits in Refunding with its answer window, the outbox message is done;
    /// the service's answer closes the case, a duplicate or an answer for another payment changes nothing.
    /// </summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task APendingRefund_WaitsForItsAnswer_WhichIsRecordedOnce(string provider)
    {
        await using var host = await ApprovedRefundAsync(provider);

        await host.RunOutboxAsync();

        (await host.SendAsync(new GetDispute("dispute-1")))!.State.Should().Be(DisputeState.Refunding);
        (await host.QueryAsync(db => db.Outbox.CountAsync(o => o.CompletedAt == null))).Should().Be(0, "the request was accepted: nothing to send again");
        (await host.SendAsync(new RecordPaymentAnswer("dispute-1", PaymentKind.Refund, "another-refund", true, "x", null))).Should().Be(PaymentAnswer.AlreadyRecorded);
        (await host.SendAsync(new GetDispute("dispute-1")))!.State.Should().Be(DisputeState.Refunding, "an answer for another payment is not this one's");

        var first = await host.SendAsync(new RecordPaymentAnswer("dispute-1", PaymentKind.Refund, "dispute-1-refund", true, "pay-dispute-1-refund", null));
        var duplicate = await host.SendAsync(new RecordPaymentAnswer("dispute-1", PaymentKind.Refund, "dispute-1-refund", true, "pay-dispute-1-refund", null));

        first.Should().Be(PaymentAnswer.Recorded);
        duplicate.Should().Be(PaymentAnswer.AlreadyRecorded);
        var dispute = (await host.SendAsync(new GetDispute("dispute-1")))!;
        dispute.State.Should().Be(DisputeState.Closed);
        dispute.Refund.Should().BeEquivalentTo(new { Status = RefundStatus.Succeeded, GatewayReference = "pay-dispute-1-refund" });
        dispute.Timeline.Where(e => e.Action == DisputeAction.RecordRefundSuccess).Should().ContainSingle();
        host.Gateway.Paid.Should().ContainSingle();
        (await host.SendAsync(new RecordPaymentAnswer("nobody", PaymentKind.Refund, "dispute-1-refund", true, null, null))).Should().Be(PaymentAnswer.NotFound);
    }

    /// <summary>No answer ever comes: the refund answer window ends the wait, and the retry asks with the same id and finds it paid.</summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task APendingRefundWithoutAnswer_IsAskedAgainAfterItsWindow_AndFoundPaid(string provider)
    {
        await using var host = await ApprovedRefundAsync(provider);
        await host.RunOutboxAsync();

        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await host.RunDeadlinesAsync(); // the answer window: counted as a failure
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.RunDeadlinesAsync(); // the retry delay: asked again
        await host.RunOutboxAsync();

        var dispute = (await host.SendAsync(new GetDispute("dispute-1")))!;
        dispute.State.Should().Be(DisputeState.Closed);
        dispute.Timeline.Select(e => e.Action).Should().ContainInOrder(DisputeAction.TimeOutRefund, DisputeAction.RetryRefund, DisputeAction.RecordRefundSuccess);
        host.Gateway.Calls.Select(c => c.RefundId).Should().Equal("dispute-1-refund", "dispute-1-refund");
        host.Gateway.Paid.Should().ContainSingle("one id, paid once");
    }

    private static async Task<TestHost> ApprovedRefundAsync(string provider)
    {
        var host = await TestHost.StartAsync(provider);
        host.Gateway.AcceptsAsPending = true;
        await host.SendAsync(new RegisterOrder(RouterOrder(notShipped: true)));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));
        return host;
    }
}
