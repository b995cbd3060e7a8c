using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

public class ArbitrationTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);
    private static readonly Actor s_buyer = Actor.Buyer(Buyer);
    private static readonly Actor s_seller = Actor.Seller(Flagship);
    private static readonly EvidenceSubmission s_photos = new("Photos of the fault", ["photo-2", "photo-3"]);

    private static Dispute Rejected()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);
        dispute.Reject(Flagship, new RejectionReason("no-fault-found"), s_now).ShouldSucceed();
        return dispute;
    }

    private static Dispute Escalated()
    {
        var dispute = Rejected();
        dispute.Escalate(s_buyer, new EscalationRequest("It does not work"), s_now).ShouldSucceed();
        return dispute;
    }

    private static Dispute AwaitingRuling()
    {
        var dispute = Escalated();
        dispute.AssignArbitrator(Arbitrator, s_now).ShouldSucceed();
        dispute.SubmitEvidence(s_buyer, s_photos, s_now).ShouldSucceed();
        dispute.SubmitEvidence(s_seller, new EvidenceSubmission("Tested fine", ["report-1"]), s_now.AddHours(1)).ShouldSucceed();
        return dispute;
    }

    private static Dispute Ruled(RulingTerms ruling)
    {
        var dispute = AwaitingRuling();
        dispute.Rule(Arbitrator, ruling, s_now.AddDays(1)).ShouldSucceed();
        return dispute;
    }

    private static RulingTerms Partial(decimal yuan, int penalty = 0) =>
        new(RulingOutcome.PartialRefund, Yuan(yuan), "Fault confirmed on video; partial refund", ShippingPayer.Seller, penalty, penalty > 0 ? "Rejected a valid claim" : null);

    [Fact]
    public void EveryContestedStep_CanBeEscalated_ByTheRightParty()
    {
        var afterRejection = Rejected();
        var afterOffer = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);
        afterOffer.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(20), "20 off"), s_now).ShouldSucceed();
        var afterProblem = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), s_now);
        afterProblem.Approve(Flagship, s_now).ShouldSucceed();
        afterProblem.ShipReturn(Buyer, new ShipmentDetails("SF", "SF1"), s_now).ShouldSucceed();
        afterProblem.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.Damaged, ["p"], Yuan(0)), s_now).ShouldSucceed();

        afterRejection.CanEscalate(s_buyer, s_now).Should().BeTrue();
        afterRejection.CanEscalate(s_seller, s_now).Should().BeFalse();
        afterOffer.CanEscalate(s_buyer, s_now).Should().BeTrue();
        afterProblem.CanEscalate(s_buyer, s_now).Should().BeTrue();
        afterProblem.CanEscalate(s_seller, s_now).Should().BeTrue();
    }

    [Fact]
    public void Escalation_OpensAnEvidenceWindowForBothParties()
    {
        var dispute = Escalated();

        dispute.State.Should().Be(DisputeState.CollectingEvidence);
        dispute.Arbitration.Should().BeEquivalentTo(new { Round = 1, EscalatedBy = Party.Buyer, Reason = "It does not work" });
        dispute.Deadline!.Value.Should().BeEquivalentTo(new { ExpiresWith = DisputeAction.CloseEvidence, DueAt = s_now.AddDays(3) });
        dispute.Escalate(s_seller, new EscalationRequest("again"), s_now).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);
    }

    [Fact]
    public void TheEvidenceWindow_EndsEarlyWhenBothPartiesSubmitted()
    {
        var dispute = Escalated();

        dispute.SubmitEvidence(s_buyer, s_photos, s_now).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.CollectingEvidence);
        dispute.SubmitEvidence(s_seller, new EvidenceSubmission("Tested fine", []), s_now.AddHours(5)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingRuling);
        dispute.Timeline[^1].Should().BeEquivalentTo(new { Action = DisputeAction.CloseEvidence, Party = Party.System, At = s_now.AddHours(5) });
        dispute.Evidence.Select(e => e.By).Should().Equal(Party.Buyer, Party.Seller);
    }

    [Fact]
    public void TheEvidenceWindow_EndsAtItsDeadlineOtherwise()
    {
        var dispute = Escalated();
        dispute.SubmitEvidence(s_buyer, s_photos, s_now).ShouldSucceed();

        dispute.ExpireDeadline(s_now.AddDays(3)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingRuling);
    }

    [Fact]
    public void OnlyTheAssignedArbitrator_MayAskForMoreEvidenceOrRule()
    {
        var dispute = Escalated();

        dispute.RequestMoreEvidence(Arbitrator, new MoreEvidenceRequest(Party.Seller, "Test report"), s_now).Refusal!.Message
            .Should().Be("RequestMoreEvidence in state CollectingEvidence requires that you are the arbitrator assigned to this case.");
        dispute.AssignArbitrator(Arbitrator, s_now).ShouldSucceed();
        dispute.AssignArbitrator(SecondArbitrator, s_now).Refusal!.Message
            .Should().Be("AssignArbitrator in state CollectingEvidence requires that no arbitrator is assigned yet.");
        dispute.Arbitration!.ArbitratorId.Should().Be(Arbitrator);
    }

    [Fact]
    public void AskingOnePartyForMoreEvidence_PausesTheEvidenceWindow_AndResumesItWithTheTimeLeft()
    {
        var dispute = Escalated();
        dispute.AssignArbitrator(Arbitrator, s_now).ShouldSucceed();
        dispute.SubmitEvidence(s_buyer, s_photos, s_now).ShouldSucceed();

        dispute.RequestMoreEvidence(Arbitrator, new MoreEvidenceRequest(Party.Seller, "The bench test report"), s_now.AddDays(1)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.AwaitingMoreEvidence);
        dispute.Arbitration!.PausedEvidenceWindow!.Value.RemainingWhilePaused.Should().Be(TimeSpan.FromDays(2));
        dispute.Deadline!.Value.ExpiresWith.Should().Be(DisputeAction.CloseMoreEvidence);
        dispute.SubmitEvidence(s_buyer, s_photos, s_now.AddDays(2)).Refusal!.Message
            .Should().Be("SubmitEvidence in state AwaitingMoreEvidence requires that more evidence was requested from you.");

        dispute.SubmitEvidence(s_seller, new EvidenceSubmission("Report attached", ["report-2"]), s_now.AddDays(2)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingRuling, "both parties have now submitted, so the resumed window ends early");
        dispute.Timeline.Select(e => e.Action).TakeLast(2).Should().Equal(DisputeAction.SubmitEvidence, DisputeAction.CloseEvidence);
    }

    [Fact]
    public void AResumedEvidenceWindow_KeepsTheTimeItHadLeft()
    {
        var dispute = Escalated();
        dispute.AssignArbitrator(Arbitrator, s_now).ShouldSucceed();

        dispute.RequestMoreEvidence(Arbitrator, new MoreEvidenceRequest(Party.Buyer, "A video"), s_now.AddDays(1)).ShouldSucceed();
        dispute.ExpireDeadline(s_now.AddDays(4)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.CollectingEvidence);
        dispute.Deadline!.Value.DueAt.Should().Be(s_now.AddDays(6), "two days were left when it paused on day 1, and it resumed on day 4");
        dispute.Arbitration!.PendingRequest.Should().BeNull();
    }

    [Fact]
    public void ARuling_IsExecutedWhenTheAppealWindowEnds_MovingTheCaseOn_AndPenalisingTheStore()
    {
        var dispute = Ruled(Partial(150, penalty: 5));
        dispute.State.Should().Be(DisputeState.RulingIssued);
        dispute.Deadline!.Value.DueAt.Should().Be(s_now.AddDays(16));

        dispute.ExpireDeadline(s_now.AddDays(16)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(150));
        dispute.Scorecard.Should().BeEquivalentTo(new { Arbitration = ArbitrationResult.Split, PenaltyPoints = 5 });
    }

    [Fact]
    public void ARuling_AcceptedByBothParties_IsExecutedAtOnce()
    {
        var dispute = Ruled(new RulingTerms(RulingOutcome.ReturnAndRefund, null, "Fault confirmed", ShippingPayer.Seller));

        dispute.AcceptRuling(s_buyer, s_now.AddDays(2)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.RulingIssued);
        dispute.AcceptRuling(s_seller, s_now.AddDays(2)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingReturnShipment);
        dispute.AgreedRefund.Should().Be(Yuan(399));
        dispute.Scorecard.Arbitration.Should().Be(ArbitrationResult.StoreLost);
    }

    [Theory]
    [InlineData(RulingOutcome.FullRefund, DisputeState.Refunding)]
    [InlineData(RulingOutcome.ReturnAndRefund, DisputeState.AwaitingReturnShipment)]
    [InlineData(RulingOutcome.Replace, DisputeState.AwaitingReturnShipment)]
    [InlineData(RulingOutcome.Repair, DisputeState.AwaitingDeviceShipment)]
    [InlineData(RulingOutcome.ClaimRejected, DisputeState.Closed)]
    public void EachOutcome_MovesTheCaseIntoTheMatchingStep(RulingOutcome outcome, DisputeState step)
    {
        var dispute = Ruled(new RulingTerms(outcome, null, "Because", ShippingPayer.Seller));

        dispute.ExpireDeadline(s_now.AddDays(16)).ShouldSucceed();

        dispute.State.Should().Be(step);
    }

    [Fact]
    public void AClaimRejected_ClosesTheCaseInTheStoresFavour()
    {
        var dispute = Ruled(new RulingTerms(RulingOutcome.ClaimRejected, null, "No fault found by the lab", ShippingPayer.Buyer));

        dispute.ExpireDeadline(s_now.AddDays(16)).ShouldSucceed();

        dispute.Closure.Should().Be(ClosureReason.ClaimRejected);
        dispute.Scorecard.Arbitration.Should().Be(ArbitrationResult.StoreWon);
    }

    [Fact]
    public void ARuling_IsValidated_AgainstTheCeilingAndItsOutcome()
    {
        var dispute = AwaitingRuling();

        dispute.Rule(Arbitrator, Partial(400), s_now).Refusal!.Code.Should().Be(DisputeRefusalCode.OverRefund);
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.PartialRefund, null, "x", ShippingPayer.Seller), s_now).Refusal!.Message
            .Should().Be("A partial refund ruling needs the amount.");
        dispute.Rule(Arbitrator, Partial(100) with { Rationale = "" }, s_now).Refusal!.Message.Should().Be("A ruling needs a rationale.");
        dispute.Rule(Arbitrator, Partial(100) with { PenaltyPoints = 3 }, s_now).Refusal!.Message.Should().Be("A store penalty has positive points and a reason.");
        dispute.Rule(SecondArbitrator, Partial(100), s_now).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);
        dispute.State.Should().Be(DisputeState.AwaitingRuling);
    }

    [Fact]
    public void EachPartyMayAppealOnce_AndTheArbitratorWhoRuledNeverReviewsTheAppeal()
    {
        var dispute = Ruled(Partial(150));

        dispute.Appeal(s_seller, new AppealRequest("The buyer dropped it"), s_now.AddDays(2)).ShouldSucceed();
        dispute.Appeal(s_seller, new AppealRequest("Again"), s_now.AddDays(2)).Refusal!.Message
            .Should().Be("Appeal in state AppealUnderReview requires that you have not appealed this ruling.");
        dispute.Appeal(s_buyer, new AppealRequest("150 is too little"), s_now.AddDays(3)).ShouldSucceed();
        dispute.AssignAppealReviewer(Arbitrator, s_now.AddDays(3)).Refusal!.Message
            .Should().Be("AssignAppealReviewer in state AppealUnderReview requires that you did not make the ruling under appeal.");
        dispute.UpholdRuling(Arbitrator, new ReviewDecision("Stands"), s_now.AddDays(3)).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);

        dispute.AssignAppealReviewer(SecondArbitrator, s_now.AddDays(3)).ShouldSucceed();

        dispute.Arbitration!.Appeals.Select(a => a.By).Should().Equal(Party.Seller, Party.Buyer);
        dispute.Arbitration.ReviewerId.Should().Be(SecondArbitrator);
    }

    [Fact]
    public void AnUpheldRuling_IsExecuted()
    {
        var dispute = Ruled(Partial(150));
        dispute.Appeal(s_seller, new AppealRequest("The buyer dropped it"), s_now.AddDays(2)).ShouldSucceed();
        dispute.AssignAppealReviewer(SecondArbitrator, s_now.AddDays(3)).ShouldSucceed();

        dispute.UpholdRuling(SecondArbitrator, new ReviewDecision("The video shows a factory fault"), s_now.AddDays(4)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(150));
        dispute.Arbitration!.Rulings.Select(r => (r.ArbitratorId, r.OnAppeal, r.Terms.Rationale)).Should().Equal(
            (Arbitrator, false, "Fault confirmed on video; partial refund"),
            (SecondArbitrator, true, "The video shows a factory fault"));
    }

    [Fact]
    public void AnOverturnedRuling_IsReplacedByTheNewOne()
    {
        var dispute = Ruled(Partial(150));
        dispute.Appeal(s_buyer, new AppealRequest("150 is too little"), s_now.AddDays(2)).ShouldSucceed();
        dispute.AssignAppealReviewer(SecondArbitrator, s_now.AddDays(3)).ShouldSucceed();

        dispute.OverturnRuling(SecondArbitrator, new RulingTerms(RulingOutcome.ReturnAndRefund, null, "Return it for a full refund", ShippingPayer.Seller), s_now.AddDays(4))
            .ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingReturnShipment);
        dispute.Remedy.Should().Be(Remedy.ReturnAndRefund);
        dispute.Arbitration!.CurrentRuling!.Terms.Outcome.Should().Be(RulingOutcome.ReturnAndRefund);
    }

    [Fact]
    public void AnAppealAfterTheWindow_IsTooLate()
    {
        var dispute = Ruled(Partial(150));
        dispute.ExpireDeadline(s_now.AddDays(16)).ShouldSucceed();

        dispute.Appeal(s_seller, new AppealRequest("late"), s_now.AddDays(17)).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);
    }

    [Fact]
    public void ASecondEscalation_StartsANewRound()
    {
        var dispute = Ruled(new RulingTerms(RulingOutcome.Replace, null, "Replace it", ShippingPayer.Seller));
        dispute.ExpireDeadline(s_now.AddDays(16)).ShouldSucceed();
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF", "SF2"), s_now.AddDays(17)).ShouldSucceed();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, []), s_now.AddDays(18)).ShouldSucceed();
        dispute.ShipReplacement(Flagship, new ShipmentDetails("SF", "SF3"), s_now.AddDays(19)).ShouldSucceed();

        dispute.Escalate(s_buyer, new EscalationRequest("The replacement is faulty too"), s_now.AddDays(20)).ShouldSucceed();

        dispute.ArbitrationRounds.Should().HaveCount(2);
        dispute.Arbitration!.Round.Should().Be(2);
        dispute.Arbitration.ArbitratorId.Should().BeNull();
    }
}
