using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Store;

/// <summary>The event feed: every case's events in one order, read by followers from their cursors.</summary>
public class EventFeedTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AFollower_ReadsEveryEventOfItsCasesOnce_InTheOrderTheyHappened_PageByPage(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.SendAsync(new RegisterOrder(RouterOrder(Reseller, "order-2")));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399))));
        await host.DoAsync(new OpenDispute("order-2", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399), disputeId: "dispute-2")));
        await host.DoAsync(new TakeDisputeAction("dispute-2", Actor.Seller(Reseller), DisputeAction.Approve));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.ProposeOffer, new OfferTerms(Remedy.RefundKeepItem, Yuan(80), "Keep it")));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.CounterOffer, new OfferTerms(Remedy.RefundKeepItem, Yuan(150), "150 then")));

        var (read, cursor) = await FollowAsync(host, new DisputeQuery(StoreId: Flagship), after: null, expected: 3, limit: 1);

        read.Select(e => (e.DisputeId, e.Action)).Should().Equal(
            ("dispute-1", DisputeAction.Open), ("dispute-1", DisputeAction.ProposeOffer), ("dispute-1", DisputeAction.CounterOffer));
        read.Should().BeEquivalentTo((await host.SendAsync(new GetTimeline("dispute-1")))!, o => o.WithStrictOrdering(), "the feed gives the timeline's events as they are");
        var past = await host.SendAsync(new ReadEventFeed(new EventFeedQuery(new DisputeQuery(StoreId: Flagship), cursor)));
        past.Events.Should().BeEmpty();
        past.Cursor.Should().Be(cursor, "an empty page answers the cursor it was given");

        var (everything, _) = await FollowAsync(host, new DisputeQuery(), after: null, expected: 5);
        everything.Select(e => (e.DisputeId, e.Sequence)).Should().Equal(
            ("dispute-1", 1), ("dispute-2", 1), ("dispute-2", 2), ("dispute-1", 2), ("dispute-1", 3));
        var (reseller, _) = await FollowAsync(host, new DisputeQuery(StoreId: Reseller), after: null, expected: 2);
        reseller.Should().OnlyContain(e => e.DisputeId == "dispute-2");
    }

    /// <summary>
    /// On PostgreSQL writers commit out of order. While a transaction that began writing first is still open, events
    /// committed after it wait behind it, so a follower's cursor cannot pass the event the open one is about to commit.
    /// </summary>
    [SkippableFact]
    public async Task OnPostgres_AnEventStillToCommit_HoldsBackTheEventsAfterIt_SoNoCursorPassesIt()
    {
        await using var host = await TestHost.StartAsync("postgres");
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.SendAsync(new RegisterOrder(RouterOrder(Reseller, "order-2")));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399))));
        await host.DoAsync(new OpenDispute("order-2", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399), disputeId: "dispute-2")));
        var all = new DisputeQuery();
        var (_, start) = await FollowAsync(host, all, after: null, expected: 2);

        await using var scope = host.Services.CreateAsyncScope();
        var slow = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        await using (var transaction = await slow.Database.BeginTransactionAsync())
        {
            await slow.Database.ExecuteSqlRawAsync("""
                INSERT INTO "DisputeEvents" ("DisputeId", "Sequence", "At", "Party", "ActorId", "Action", "From", "To", "Data")
                VALUES ('dispute-1', 2, now(), 'Buyer', 'buyer-1', 'SendMessage', 'AwaitingSellerResponse', 'AwaitingSellerResponse', NULL)
                """);
            await host.DoAsync(new TakeDisputeAction("dispute-2", Actor.Seller(Reseller), DisputeAction.Approve));

            var whileOpen = await host.SendAsync(new ReadEventFeed(new EventFeedQuery(all, start)));

            whileOpen.Events.Should().BeEmpty("the approval committed, but after an event that has not");
            whileOpen.Cursor.Should().Be(start);
            await transaction.CommitAsync();
        }

        var (afterCommit, _) = await FollowAsync(host, all, start, expected: 2);
        afterCommit.Select(e => (e.DisputeId, e.Action)).Should().Equal(("dispute-1", DisputeAction.SendMessage), ("dispute-2", DisputeAction.Approve));
    }

    // Reads the feed as a follower does, page by page from a cursor, until it has the expected number of events. On
    // PostgreSQL an event shows once every transaction that began writing before it has ended, in any database of
    // the cluster (other tests' among them), so a follower may meet an empty page before the events come.
    private static async Task<(List<DisputeEvent> Events, FeedPosition? Cursor)> FollowAsync(
        TestHost host, DisputeQuery cases, FeedPosition? after, int expected, int limit = 100)
    {
        var events = new List<DisputeEvent>();
        for (var emptyPages = 0; events.Count < expected && emptyPages < 150;)
        {
            var page = await host.SendAsync(new ReadEventFeed(new EventFeedQuery(cases, after, limit)));
            page.Events.Count.Should().BeLessThanOrEqualTo(limit);
            events.AddRange(page.Events);
            after = page.Cursor;
            if (page.Events.Count == 0)
            {
                emptyPages++;
                await Task.Delay(100);
            }
        }

        events.Should().HaveCount(expected);
        return (events, after);
    }
}
