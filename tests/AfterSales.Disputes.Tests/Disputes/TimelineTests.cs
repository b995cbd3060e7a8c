using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

public class TimelineTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);

    private static Dispute ThroughArbitration()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);
        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(30), "30 off"), s_now).ShouldSucceed();
        dispute.Escalate(Actor.Buyer(Buyer), new EscalationRequest("Too little"), s_now.AddHours(1)).ShouldSucceed();
        dispute.AssignArbitrator(Arbitrator, s_now.AddHours(2)).ShouldSucceed();
        dispute.RequestMoreEvidence(Arbitrator, new MoreEvidenceRequest(Party.Buyer, "A video"), s_now.AddHours(3)).ShouldSucceed();
        dispute.SubmitEvidence(Actor.Buyer(Buyer), new EvidenceSubmission("Video", ["video-1"]), s_now.AddHours(20)).ShouldSucceed();
        dispute.SubmitEvidence(Actor.Seller(Flagship), new EvidenceSubmission("Bench log", ["log-1"]), s_now.AddHours(21)).ShouldSucceed();
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.ReturnAndRefund, null, "Faulty", ShippingPayer.Seller), s_now.AddDays(2)).ShouldSucceed();
        dispute.Appeal(Actor.Seller(Flagship), new AppealRequest("Not faulty"), s_now.AddDays(3)).ShouldSucceed();
        dispute.AssignAppealReviewer(SecondArbitrator, s_now.AddDays(4)).ShouldSucceed();
        dispute.UpholdRuling(SecondArbitrator, new ReviewDecision("Video is clear"), s_now.AddDays(5)).ShouldSucceed();
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF", "SF5", ShippingMethod.Surface), s_now.AddDays(6)).ShouldSucceed();
        return dispute;
    }

    [Fact]
    public void EveryAction_AppendsAnEventWithWhoWhatFromToWhenAndItsDetails()
    {
        var dispute = ThroughArbitration();

        dispute.Timeline.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, dispute.Version));
        dispute.Timeline.Should().OnlyContain(e => e.DisputeId == "dispute-1");
        dispute.Timeline[1].Should().BeEquivalentTo(new DisputeEvent("dispute-1", 2, s_now, Party.Seller, Flagship, DisputeAction.ProposeOffer,
            DisputeState.AwaitingSellerResponse, DisputeState.AwaitingBuyerOnOffer, new OfferTerms(Remedy.RefundKeepItem, Yuan(30), "30 off")));
        dispute.Timeline[4].Should().BeEquivalentTo(new
        {
            Party = Party.Arbitrator, ActorId = Arbitrator, Action = DisputeAction.RequestMoreEvidence,
            From = DisputeState.CollectingEvidence, To = DisputeState.AwaitingMoreEvidence, Data = new MoreEvidenceRequest(Party.Buyer, "A video"),
        });
        dispute.Timeline[^1].Data.Should().Be(new ShipmentDetails("SF", "SF5", ShippingMethod.Surface));
    }

    [Fact]
    public void ADisputeRebuiltFromItsTimeline_EqualsTheLiveOne()
    {
        var live = ThroughArbitration();

        var rebuilt = Dispute.Rebuild(live.Timeline);

        rebuilt.Should().BeEquivalentTo(live, options => options.ComparingByMembers<Dispute>());
        rebuilt.Deadline!.Value.DueAt.Should().Be(s_now.AddDays(36), "a surface-mail return gives the seller 30 days");
    }

    [Fact]
    public void ATimelineThatDoesNotReplay_IsRejected()
    {
        var live = ThroughArbitration();
        var tampered = live.Timeline.Take(3).Append(live.Timeline[3] with { ActorId = SecondArbitrator, Sequence = 4 }).ToList();
        var reordered = live.Timeline.Take(2).Append(live.Timeline[3]).ToList();
        var headless = live.Timeline.Skip(1).ToList();

        ((Action)(() => Dispute.Rebuild(tampered))).Should().NotThrow("another arbitrator may take the case too");
        ((Action)(() => Dispute.Rebuild(reordered))).Should().Throw<InvalidOperationException>()
            .WithMessage("Event 4 (AssignArbitrator by Arbitrator) of dispute dispute-1 does not re-apply*");
        ((Action)(() => Dispute.Rebuild(headless))).Should().Throw<InvalidOperationException>().WithMessage("A timeline starts with the opening of the dispute.");
    }

    [Fact]
    public void AForgedEvent_ByAnotherStore_DoesNotReplay()
    {
        var live = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), s_now);
        live.Approve(Flagship, s_now).ShouldSucceed();

        var forged = live.Timeline.Select(e => e.Sequence == 2 ? e with { ActorId = Reseller } : e);

        ((Action)(() => Dispute.Rebuild(forged))).Should().Throw<InvalidOperationException>().WithMessage("*This request is not about an order of your store.*");
    }
}
