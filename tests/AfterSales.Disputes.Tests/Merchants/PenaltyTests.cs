using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Merchants;

/// <summary>The points a store incurs by rule on a case, each traced to the event that caused it.</summary>
public class PenaltyTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);
    private static readonly Actor s_buyer = Actor.Buyer(Buyer);
    private static readonly Actor s_seller = Actor.Seller(Flagship);

    private static Dispute Opened(RequestKind kind = RequestKind.ReturnAndRefund) =>
        Open(RouterOrder(), Request(kind, RequestReason.Defective, Yuan(399)), s_now);

    // Rejected, escalated, both parties' evidence in, an arbitrator assigned: ready to rule.
    private static Dispute AwaitingRuling()
    {
        var dispute = Opened();
        dispute.Reject(Flagship, new RejectionReason("no-fault-found"), s_now).ShouldSucceed();
        dispute.Escalate(s_buyer, new EscalationRequest("It does not work"), s_now).ShouldSucceed();
        dispute.AssignArbitrator(Arbitrator, s_now).ShouldSucceed();
        dispute.SubmitEvidence(s_buyer, new EvidenceSubmission("Video of the fault", ["video-1"]), s_now).ShouldSucceed();
        dispute.SubmitEvidence(s_seller, new EvidenceSubmission("Bench log: works", ["log-1"]), s_now.AddHours(1)).ShouldSucceed();
        return dispute;
    }

    [Fact]
    public void ASellerResponseDeadlineMissed_CostsItsPoint_NamingTheEventAndTheWindow()
    {
        var dispute = Opened();

        dispute.ExpireDeadline(dispute.Deadline!.Value.DueAt).ShouldSucceed();

        var penalty = dispute.Penalties.Should().ContainSingle().Subject;
        penalty.Should().BeEquivalentTo(new
        {
            StoreId = Flagship, DisputeId = dispute.Id, Sequence = dispute.Version, Cause = PenaltyCause.ResponseDeadlineMissed,
            Points = PenaltyRules.Default.ResponseDeadlineMissed, ArbitrationRound = (int?)null,
        });
        dispute.Timeline[penalty.Sequence - 1].Action.Should().Be(DisputeAction.AutoApprove);
        penalty.Reason.Should().Contain("seller response window");
        dispute.Scorecard.Should().BeEquivalentTo(new { SellerTimeouts = 1, PenaltyPoints = 1 });
    }

    [Fact]
    public void ALostArbitration_CostsTheRulesPoints_AndTheArbitratorsOwnPointsBeside()
    {
        var dispute = AwaitingRuling();

        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.FullRefund, Rationale: "Fault on video", PenaltyPoints: 3, PenaltyReason: "Rejected a documented fault"),
            s_now.AddDays(1)).ShouldSucceed();

        dispute.Penalties.Select(p => (p.Cause, p.Points, p.Sequence, p.ArbitrationRound)).Should().Equal(
            (PenaltyCause.ArbitrationLost, PenaltyRules.Default.ArbitrationLost, dispute.Version, 1),
            (PenaltyCause.ArbitratorPenalty, 3, dispute.Version, 1));
        dispute.Penalties[1].Reason.Should().Be("Rejected a documented fault");
        dispute.Scorecard.PenaltyPoints.Should().Be(PenaltyRules.Default.ArbitrationLost + 3);
    }

    [Fact]
    public void ARulingTheStoreWonOrSplit_CostsNoRulePoints()
    {
        var won = AwaitingRuling();
        var split = AwaitingRuling();

        won.Rule(Arbitrator, new RulingTerms(RulingOutcome.ClaimRejected, Rationale: "Wear and tear"), s_now.AddDays(1)).ShouldSucceed();
        split.Rule(Arbitrator, new RulingTerms(RulingOutcome.PartialRefund, Yuan(100), "Partly"), s_now.AddDays(1)).ShouldSucceed();

        won.Penalties.Should().BeEmpty();
        split.Penalties.Should().BeEmpty();
    }

    [Fact]
    public void AnOverturnedRuling_TakesItsPointsAway_AndTheNewRulingBringsItsOwn()
    {
        var dispute = AwaitingRuling();
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.FullRefund, Rationale: "Fault on video", PenaltyPoints: 3, PenaltyReason: "Ignored the video"),
            s_now.AddDays(1)).ShouldSucceed();
        dispute.Appeal(s_seller, new AppealRequest("The buyer dropped it"), s_now.AddDays(2)).ShouldSucceed();
        dispute.AssignAppealReviewer(SecondArbitrator, s_now.AddDays(2)).ShouldSucceed();

        dispute.OverturnRuling(SecondArbitrator, new RulingTerms(RulingOutcome.ClaimRejected, Rationale: "Impact damage on the photos"), s_now.AddDays(3)).ShouldSucceed();

        dispute.Penalties.Should().BeEmpty();
        dispute.Scorecard.PenaltyPoints.Should().Be(0);
        Dispute.Rebuild(dispute.Timeline).Penalties.Should().BeEmpty();
    }

    [Fact]
    public void AnUpheldRuling_KeepsItsPoints()
    {
        var dispute = AwaitingRuling();
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.FullRefund, Rationale: "Fault on video"), s_now.AddDays(1)).ShouldSucceed();
        dispute.Appeal(s_seller, new AppealRequest("The buyer dropped it"), s_now.AddDays(2)).ShouldSucceed();
        dispute.AssignAppealReviewer(SecondArbitrator, s_now.AddDays(2)).ShouldSucceed();

        dispute.UpholdRuling(SecondArbitrator, new ReviewDecision("The video is clear"), s_now.AddDays(3)).ShouldSucceed();

        dispute.Penalties.Should().ContainSingle().Which.Cause.Should().Be(PenaltyCause.ArbitrationLost);
    }

    [Fact]
    public void EvidenceFoundFalse_CostsTheStoreWhenItIsTheSellers_AndIsFoundOncePerRound()
    {
        var dispute = AwaitingRuling();

        dispute.FindEvidenceFalse(Arbitrator, new FalseEvidenceFinding(Party.Buyer, "The video shows another device"), s_now.AddDays(1)).ShouldSucceed();
        dispute.Penalties.Should().BeEmpty("the buyer's false evidence is not the store's");

        dispute.FindEvidenceFalse(Arbitrator, new FalseEvidenceFinding(Party.Seller, "The log is dated after the request"), s_now.AddDays(1)).ShouldSucceed();
        var penalty = dispute.Penalties.Should().ContainSingle().Subject;
        penalty.Should().BeEquivalentTo(new { Cause = PenaltyCause.FalseEvidence, Points = PenaltyRules.Default.FalseEvidence, Sequence = dispute.Version });
        penalty.Reason.Should().Contain("The log is dated after the request");

        var again = dispute.FindEvidenceFalse(Arbitrator, new FalseEvidenceFinding(Party.Seller, "Again"), s_now.AddDays(1));
        again.Refusal!.Message.Should().Be("The seller's evidence in this arbitration was already found false.");
        dispute.AllowedActions(Actor.Arbitrator(Arbitrator), s_now.AddDays(1)).Should().NotContain(DisputeAction.FindEvidenceFalse);
    }

    [Fact]
    public void OnlyTheAssignedArbitrator_FindsEvidenceFalse_AndOnlyEvidenceSubmitted()
    {
        var dispute = Opened();
        dispute.Reject(Flagship, new RejectionReason("no-fault-found"), s_now).ShouldSucceed();
        dispute.Escalate(s_buyer, new EscalationRequest("It does not work"), s_now).ShouldSucceed();
        dispute.AssignArbitrator(Arbitrator, s_now).ShouldSucceed();
        dispute.SubmitEvidence(s_buyer, new EvidenceSubmission("Video", ["video-1"]), s_now).ShouldSucceed();

        dispute.FindEvidenceFalse(SecondArbitrator, new FalseEvidenceFinding(Party.Buyer, "Fake"), s_now).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);
        var noEvidence = dispute.FindEvidenceFalse(Arbitrator, new FalseEvidenceFinding(Party.Seller, "Fake"), s_now);
        noEvidence.Refusal!.Should().BeEquivalentTo(new { Code = DisputeRefusalCode.InvalidInput, Message = "The seller submitted no evidence in this arbitration." });
        dispute.Penalties.Should().BeEmpty();
    }

    [Fact]
    public void ARulingNotCarriedOut_IsTheSellersSilenceAfterTheRuling()
    {
        var dispute = AwaitingRuling();
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.Replace, Rationale: "Replace it"), s_now.AddDays(1)).ShouldSucceed();
        dispute.AcceptRuling(s_buyer, s_now.AddDays(1)).ShouldSucceed();
        dispute.AcceptRuling(s_seller, s_now.AddDays(1)).ShouldSucceed();
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF", "SF1"), s_now.AddDays(2)).ShouldSucceed();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, []), s_now.AddDays(3)).ShouldSucceed();

        // The seller has the item back and sends no replacement: the deadline refunds the buyer instead.
        dispute.ExpireDeadline(dispute.Deadline!.Value.DueAt).ShouldSucceed();

        dispute.Penalties.Select(p => p.Cause).Should().Equal(PenaltyCause.ArbitrationLost, PenaltyCause.RulingNotCarriedOut);
        dispute.Penalties[1].Points.Should().Be(PenaltyRules.Default.RulingNotCarriedOut);
        dispute.Penalties[1].Reason.Should().StartWith("The ruling was not carried out");
    }

    [Fact]
    public void Points_LapseAtTheEndOfTheirCalendarYear_InTheRegionsTimeZone_OrAfterTheDaysThePlatformSets()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var lateOnNewYearsEve = new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero); // 23:30 in Shanghai

        PenaltyRules.Default.ExpiresAt(lateOnNewYearsEve, shanghai).Should().Be(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero));
        PenaltyRules.Default.ExpiresAt(lateOnNewYearsEve.AddHours(1), shanghai).Should().Be(new DateTimeOffset(2027, 12, 31, 16, 0, 0, TimeSpan.Zero));
        (PenaltyRules.Default with { ExpiresAfterDays = 90 }).ExpiresAt(lateOnNewYearsEve, shanghai).Should().Be(lateOnNewYearsEve.AddDays(90));

        var penalty = new StorePenalty(Flagship, "d-1", 2, lateOnNewYearsEve, PenaltyCause.ArbitrationLost, 2, "lost", PenaltyRules.Default.ExpiresAt(lateOnNewYearsEve, shanghai));
        penalty.IsActiveAt(lateOnNewYearsEve.AddMinutes(29)).Should().BeTrue();
        penalty.IsActiveAt(lateOnNewYearsEve.AddMinutes(30)).Should().BeFalse();
    }

    [Fact]
    public void ThePenaltyRulesFrozenWithTheCase_SetItsPoints()
    {
        var order = RouterOrder();
        var rules = new PenaltyRules { ResponseDeadlineMissed = 4 };
        var dispute = Dispute.Open(Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), OrderRefunds.Of(order, []),
            PolicyFor(Flagship) with { Penalties = rules }, s_now).Dispute!;

        dispute.ExpireDeadline(dispute.Deadline!.Value.DueAt).ShouldSucceed();

        dispute.Penalties.Should().ContainSingle().Which.Points.Should().Be(4);
        Dispute.Rebuild(dispute.Timeline).Penalties.Should().BeEquivalentTo(dispute.Penalties);
    }
}
