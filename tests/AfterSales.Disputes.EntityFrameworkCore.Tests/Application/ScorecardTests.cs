using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Scorecards;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Application;

public class ScorecardTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AStoresScorecard_IsMaintainedFromItsDisputes(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        for (var i = 1; i <= 6; i++)
        {
            await host.SendAsync(new RegisterOrder(RouterOrder(orderId: $"o-{i}")));
        }

        async Task Open(int i) =>
            await host.DoAsync(new OpenDispute($"o-{i}", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399), disputeId: $"d-{i}")));

        // d-1 answered after 1 h, d-2 after 3 h, d-3 after 8 h; d-4 never (a timeout); d-5 lost in arbitration with a penalty.
        foreach (var (i, hours) in new[] { (1, 1), (2, 3), (3, 8) })
        {
            await Open(i);
            host.Clock.Advance(TimeSpan.FromHours(hours));
            await host.DoAsync(new TakeDisputeAction($"d-{i}", Actor.Seller(Flagship), DisputeAction.Approve));
            host.Clock.Move(TimeSpan.FromHours(-hours));
        }

        await Open(4);
        await Open(5);
        await host.DoAsync(new TakeDisputeAction("d-5", Actor.Seller(Flagship), DisputeAction.Reject, new RejectionReason("no-fault")));
        await host.DoAsync(new TakeDisputeAction("d-5", Actor.Buyer(Buyer), DisputeAction.Escalate, new EscalationRequest("Faulty")));
        await host.DoAsync(new TakeDisputeAction("d-5", Actor.Arbitrator(Arbitrator), DisputeAction.AssignArbitrator));
        host.Clock.Advance(TimeSpan.FromDays(5));
        (await host.RunDeadlinesAsync()).Should().Be(2, "d-4 is approved on the seller's silence and d-5's evidence window closes");
        await host.DoAsync(new TakeDisputeAction("d-5", Actor.Arbitrator(Arbitrator), DisputeAction.Rule, new RulingTerms(RulingOutcome.FullRefund, null, "Fault shown", ShippingPayer.Seller, 4, "Ignored a fault")));
        await host.DoAsync(new TakeDisputeAction("d-5", Actor.Buyer(Buyer), DisputeAction.AcceptRuling));
        await host.DoAsync(new TakeDisputeAction("d-5", Actor.Seller(Flagship), DisputeAction.AcceptRuling));
        await host.DoAsync(new TakeDisputeAction("d-1", Actor.Buyer(Buyer), DisputeAction.Withdraw));
        await host.DoAsync(new TakeDisputeAction("d-1", Actor.Buyer(Buyer), DisputeAction.Rate, new RatingInput(5)));

        var scorecard = await host.SendAsync(new GetStoreScorecard(Flagship));

        scorecard.Should().BeEquivalentTo(new
        {
            StoreId = Flagship,
            Requests = 5,
            RegisteredOrders = 6,
            Timeouts = 1,
            ArbitrationLosses = 1,
            ArbitrationWins = 0,
            PenaltyPoints = PenaltyRules.Default.ResponseDeadlineMissed + PenaltyRules.Default.ArbitrationLost + 4,
            Ratings = 1,
            AverageRating = 5.0,
        });
        scorecard.MedianFirstResponse.Should().Be(TimeSpan.FromHours(2), "the store answered after 0 h (d-5's rejection), 1 h, 3 h and 8 h; d-4 never");
        scorecard.DisputeRate.Should().BeApproximately(5.0 / 6, 1e-9);
        var record = await host.SendAsync(new GetStorePenalties(Flagship));
        record.Penalties.Select(e => (e.Penalty.DisputeId, e.Penalty.Cause, e.Penalty.Points, e.Active)).Should().BeEquivalentTo(new[]
        {
            ("d-4", PenaltyCause.ResponseDeadlineMissed, PenaltyRules.Default.ResponseDeadlineMissed, true),
            ("d-5", PenaltyCause.ArbitrationLost, PenaltyRules.Default.ArbitrationLost, true),
            ("d-5", PenaltyCause.ArbitratorPenalty, 4, true),
        });
        record.ActivePoints.Should().Be(scorecard.PenaltyPoints);
        (await host.SendAsync(new GetStoreScorecard("no-such-store"))).Should().BeEquivalentTo(new { Requests = 0, RegisteredOrders = 0, MedianFirstResponse = (TimeSpan?)null });
    }
}
