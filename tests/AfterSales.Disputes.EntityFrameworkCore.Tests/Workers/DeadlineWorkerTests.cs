using AfterSales.Disputes.Application.Deadlines;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using AfterSales.Disputes.Testing;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Workers;

public class DeadlineWorkerTests
{
    private static async Task OpenReturnsAsync(TestHost host, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await host.SendAsync(new RegisterOrder(RouterOrder(orderId: $"o-{i}")));
            await host.DoAsync(new OpenDispute($"o-{i}", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), disputeId: $"d-{i}")));
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ADueDeadline_FiresItsDefaultOutcomeOnce_AndNotBeforeItIsDue(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await OpenReturnsAsync(host, 1);

        host.Clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromSeconds(1));
        (await host.RunDeadlinesAsync()).Should().Be(0);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        (await host.RunDeadlinesAsync()).Should().Be(1);
        (await host.RunDeadlinesAsync()).Should().Be(0);

        var dispute = await host.SendAsync(new GetDispute("d-1"));
        dispute!.Timeline.Select(e => e.Action).Should().Equal(DisputeAction.Open, DisputeAction.AutoApprove);
        (await host.QueryAsync(db => db.Deadlines.SingleAsync())).DueAt.Should().Be(host.Clock.GetUtcNow().AddDays(7), "the return window follows");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ABatchWhoseDisputesRefuse_FiresNothing_AndTheOthersInABatchStillFire(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await OpenReturnsAsync(host, 2);
        var disputes = await host.QueryAsync(db => db.Disputes.Select(d => d.Id).OrderBy(id => id).ToListAsync());

        // Not due yet: each dispute refuses, and nothing is written.
        (await host.SendAsync(new ExpireDeadlines(disputes))).Should().Be(0);
        (await host.QueryAsync(db => db.Disputes.Select(d => d.Version).ToListAsync())).Should().AllBeEquivalentTo(1);

        // One moved on (the buyer withdrew it); the other's deadline is now due and fires alone.
        await host.DoAsync(new TakeDisputeAction(disputes[0], Actor.Buyer(Buyer), DisputeAction.Withdraw));
        host.Clock.Advance(TimeSpan.FromDays(6));
        (await host.SendAsync(new ExpireDeadlines(disputes))).Should().Be(1);
        var approvals = await host.QueryAsync(db => db.DisputeEvents.Where(e => e.Action == DisputeAction.AutoApprove).Select(e => e.DisputeId).ToListAsync());
        approvals.Should().Equal(disputes[1]);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task DeadlinesThatFellDueWhileNoWorkerRan_FireOnTheFirstRoundAfterARestart(string provider)
    {
        await using var first = await TestHost.StartAsync(provider);
        await OpenReturnsAsync(first, 3);
        var later = first.Clock.GetUtcNow().AddDays(40);

        // The first host stops; a new one starts on the same database weeks later.
        await using var restarted = await TestHost.StartAsync(first.Database, now: later);
        var fired = await restarted.RunDeadlinesAsync();

        fired.Should().Be(3);
        var dispute = await restarted.SendAsync(new GetDispute("d-2"));
        dispute!.Timeline[^1].Should().BeEquivalentTo(new { Action = DisputeAction.AutoApprove, At = later });
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TwoWorkersAtOnce_FireEveryDueDeadlineExactlyOnce(string provider)
    {
        await using var one = await TestHost.StartAsync(provider, o => o.DeadlineBatchSize = 7);
        await OpenReturnsAsync(one, 40);
        await using var two = await TestHost.StartAsync(one.Database, o => o.DeadlineBatchSize = 7, now: one.Clock.GetUtcNow());
        one.Clock.Advance(TimeSpan.FromDays(6));
        two.Clock.Advance(TimeSpan.FromDays(6));

        var rounds = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? one : two).RunDeadlinesAsync()));
        var more = await one.RunDeadlinesAsync() + await two.RunDeadlinesAsync();

        (rounds.Sum() + more).Should().Be(40);
        var autoApprovals = await one.QueryAsync(db => db.DisputeEvents.CountAsync(e => e.Action == DisputeAction.AutoApprove));
        autoApprovals.Should().Be(40, "each deadline fired exactly once");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task APausedEvidenceWindow_LeavesTheQueue_AndResumesWithTheTimeItHadLeft(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399), disputeId: "d-1")));
        await host.DoAsync(new TakeDisputeAction("d-1", Actor.Seller(Flagship), DisputeAction.Reject, new RejectionReason("no-fault")));
        await host.DoAsync(new TakeDisputeAction("d-1", Actor.Buyer(Buyer), DisputeAction.Escalate, new EscalationRequest("Faulty")));
        await host.DoAsync(new TakeDisputeAction("d-1", Actor.Arbitrator(Arbitrator), DisputeAction.AssignArbitrator));
        var escalatedAt = host.Clock.GetUtcNow();

        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.DoAsync(new TakeDisputeAction("d-1", Actor.Arbitrator(Arbitrator), DisputeAction.RequestMoreEvidence, new MoreEvidenceRequest(Party.Seller, "Bench log")));
        (await host.QueryAsync(db => db.Deadlines.SingleAsync())).ExpiresWith.Should().Be(DisputeAction.CloseMoreEvidence);

        // The seller stays silent: the request for more evidence lapses after three days and the window resumes.
        host.Clock.Advance(TimeSpan.FromDays(3));
        (await host.RunDeadlinesAsync()).Should().Be(1);

        var deadline = await host.QueryAsync(db => db.Deadlines.SingleAsync());
        deadline.ExpiresWith.Should().Be(DisputeAction.CloseEvidence);
        deadline.DueAt.Should().Be(escalatedAt.AddDays(6), "two days were left when it paused on day 1, and it resumed on day 4");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AClockThatJumpsBack_FiresNothingEarly_AndLateDeadlinesFireOnce(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await OpenReturnsAsync(host, 2);

        host.Clock.Advance(TimeSpan.FromDays(6));
        host.Clock.Move(TimeSpan.FromDays(-3));
        (await host.RunDeadlinesAsync()).Should().Be(0);
        host.Clock.Advance(TimeSpan.FromDays(30));
        (await host.RunDeadlinesAsync()).Should().Be(2);
        (await host.RunDeadlinesAsync()).Should().Be(0);
    }

    // Reliability drill (docs/reliability.md): the clock wanders, as NTP corrections and restored virtual
    // machines make it, while workers keep running rounds.
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AClockThatWandersBackAndForth_NeverFiresADeadlineEarly_AndFiresEachOnce(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        var random = new Random(8);
        var due = new Dictionary<string, DateTimeOffset>();
        for (var i = 1; i <= 12; i++)
        {
            await host.SendAsync(new RegisterOrder(RouterOrder(orderId: $"o-{i}")));
            await host.DoAsync(new OpenDispute($"o-{i}", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), disputeId: $"d-{i}")));
            due[$"d-{i}"] = (await host.SendAsync(new GetDispute($"d-{i}")))!.Deadline!.Value.DueAt;
            host.Clock.Advance(TimeSpan.FromHours(random.Next(1, 12)));
        }

        var fired = new Dictionary<string, DateTimeOffset>();
        for (var step = 0; step < 60; step++)
        {
            host.Clock.Move(TimeSpan.FromHours(random.Next(-48, 49)));
            var now = host.Clock.GetUtcNow();
            await host.RunDeadlinesAsync();
            foreach (var approval in await AutoApprovalsAsync(host))
            {
                if (fired.TryAdd(approval.DisputeId, approval.At))
                {
                    due[approval.DisputeId].Should().BeOnOrBefore(now, $"{approval.DisputeId} fired in a round at {now:O}, never before it was due");
                }
            }
        }

        fired.Should().NotBeEmpty("the wandering clock passed some deadlines, so the check above ran");
        host.Clock.Advance(TimeSpan.FromDays(30));
        while (await host.RunDeadlinesAsync() > 0)
        {
        }

        var approvals = await AutoApprovalsAsync(host);
        approvals.Select(a => a.DisputeId).Should().OnlyHaveUniqueItems("no deadline fires twice").And.BeEquivalentTo(due.Keys, "every deadline fires in the end");
    }

    private static Task<List<(string DisputeId, DateTimeOffset At)>> AutoApprovalsAsync(TestHost host) =>
        host.QueryAsync(async db => (await db.DisputeEvents.Where(e => e.Action == DisputeAction.AutoApprove).Select(e => new { e.DisputeId, e.At }).ToListAsync())
            .Select(e => (e.DisputeId, e.At)).ToList());
}
