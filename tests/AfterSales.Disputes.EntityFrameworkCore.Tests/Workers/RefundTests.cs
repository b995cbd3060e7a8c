using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Workers;

public class RefundTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AGatewayThatFailsThenSucceeds_PaysExactlyOneRefund_OfTheRightAmount(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        host.Gateway.FailuresBeforeSuccess = 2;
        await host.SendAsync(new RegisterOrder(RouterOrder(notShipped: true)));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(409), claimsShipping: true)));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));

        // Attempt 1 fails; the retry deadline fires an hour later; attempt 2 fails; then attempt 3 pays.
        for (var round = 0; round < 3; round++)
        {
            await host.RunOutboxAsync();
            host.Clock.Advance(TimeSpan.FromHours(1));
            await host.RunDeadlinesAsync();
        }

        await host.RunOutboxAsync();

        var dispute = await host.SendAsync(new GetDispute("dispute-1"));
        dispute!.State.Should().Be(DisputeState.Closed);
        dispute.Refund.Should().BeEquivalentTo(new { RefundId = "dispute-1-refund", Status = RefundStatus.Succeeded, Attempts = 3, GatewayReference = "pay-dispute-1-refund" });
        host.Gateway.Paid.Should().ContainSingle().Which.Value.Amount.Should().Be(Yuan(409));
        host.Gateway.Calls.Select(c => (c.RefundId, c.Attempt)).Should().Equal(("dispute-1-refund", 1), ("dispute-1-refund", 2), ("dispute-1-refund", 3));
        dispute.Timeline.Select(e => e.Action).Should().ContainInOrder(
            DisputeAction.RecordRefundFailure, DisputeAction.RetryRefund, DisputeAction.RecordRefundFailure, DisputeAction.RetryRefund, DisputeAction.RecordRefundSuccess);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ARefundRequestDispatchedTwice_PaysOnce(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder(notShipped: true)));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));
        await host.RunOutboxAsync();

        // A crash after paying but before completing the message: the message is dispatched again.
        await host.QueryAsync(db => db.Outbox.Where(o => o.Kind == OutboxKind.RefundRequested)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CompletedAt, (DateTimeOffset?)null)));
        await host.RunOutboxAsync();

        host.Gateway.Paid.Should().ContainSingle();
        (await host.QueryAsync(db => db.Outbox.CountAsync(o => o.CompletedAt == null))).Should().Be(0);
        (await host.SendAsync(new GetDispute("dispute-1")))!.Timeline.Count(e => e.Action == DisputeAction.RecordRefundSuccess).Should().Be(1);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task EveryDomainEvent_IsWrittenToTheOutbox_InTheSameTransaction(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Reject, new RejectionReason("no-fault")));
        var refused = await host.SendAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));

        var events = await host.QueryAsync(db => db.DisputeEvents.Select(e => e.DisputeId + ":" + e.Sequence).OrderBy(id => id).ToListAsync());
        var outbox = await host.QueryAsync(db => db.Outbox.Where(o => o.Kind == OutboxKind.DisputeEvent).Select(o => o.Id).OrderBy(id => id).ToListAsync());

        refused.Status.Should().Be(CommandStatus.Refused);
        outbox.Should().Equal(events).And.Equal("dispute-1:1", "dispute-1:2");
    }
}
