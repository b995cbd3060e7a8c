using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Disputes.DisputeAction;
using static AfterSales.Disputes.Disputes.DisputeState;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Scenarios;

/// <summary>
/// Stories from a large marketplace: a no-reason return at a brand's flagship store where the seller
/// stays silent throughout, and a quality claim an authorised reseller rejects that ends in arbitration.
/// </summary>
public class NoReasonReturnAndQualityClaimScenarios
{
    [Fact]
    public void ANoReasonReturnAtTheFlagshipStore_SellerSilentTwice_IsApprovedAndRefundedAutomatically()
    {
        // The buyer received the router on 5 March and changed their mind two days later.
        var opened = Delivered.AddDays(2);
        var dispute = Open(RouterOrder(Flagship), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399),
            condition: ConditionIssue.OpenedForInspection), opened);
        dispute.Eligibility.ReturnShippingPayer.Should().Be(ShippingPayer.Buyer, "no-reason returns are shipped back at the buyer's cost in China");

        // The flagship store does not answer within five days: the request is approved.
        dispute.ExpireDeadline(opened.AddDays(5)).ShouldSucceed();
        dispute.State.Should().Be(AwaitingReturnShipment);

        // The buyer ships the router back by express the next day.
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF Express", "SF1400228811"), opened.AddDays(6)).ShouldSucceed();

        // The store does not confirm receipt within ten days: the refund is issued automatically.
        dispute.ExpireDeadline(opened.AddDays(16)).ShouldSucceed();
        dispute.State.Should().Be(Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(399));

        // The platform's gateway pays, and the buyer rates the experience.
        dispute.RecordRefundSuccess(new RefundResult("alipay-88120"), opened.AddDays(16).AddMinutes(1)).ShouldSucceed();
        dispute.Rate(Buyer, new RatingInput(4, "Slow store, but the platform sorted it"), opened.AddDays(17)).ShouldSucceed();

        dispute.Timeline.Select(e => (e.Party, e.Action, e.To)).Should().Equal(
            (Party.Buyer, DisputeAction.Open, AwaitingSellerResponse),
            (Party.System, AutoApprove, AwaitingReturnShipment),
            (Party.Buyer, ShipReturn, AwaitingReturnReceipt),
            (Party.System, AutoConfirmReceipt, Refunding),
            (Party.System, RecordRefundSuccess, Closed),
            (Party.Buyer, Rate, Closed));
        dispute.Scorecard.Should().BeEquivalentTo(new ScorecardInputs(Flagship, opened, FirstSellerResponseAt: null, SellerTimeouts: 2,
            Arbitration: null, PenaltyPoints: 2, RatingStars: 4, ClosedAt: opened.AddDays(16).AddMinutes(1), Closure: ClosureReason.Refunded));
        dispute.Penalties.Select(p => (p.Sequence, p.Cause)).Should().Equal((2, PenaltyCause.ResponseDeadlineMissed), (4, PenaltyCause.ResponseDeadlineMissed));
    }

    [Fact]
    public void AQualityClaimRejectedByAnAuthorisedReseller_IsEscalated_RuledAPartialRefund_Executed_AndPenalised()
    {
        var opened = Delivered.AddDays(4);
        var buyer = Actor.Buyer(Buyer);
        var reseller = Actor.Seller(Reseller);
        var dispute = Open(RouterOrder(Reseller), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), opened);

        // The reseller rejects: it says the router works.
        dispute.Reject(Reseller, new RejectionReason("no-fault-found", "Works on our bench"), opened.AddHours(20)).ShouldSucceed();

        // The buyer escalates to the platform; both parties submit evidence, which ends the window early.
        dispute.Escalate(buyer, new EscalationRequest("It reboots every hour; video attached"), opened.AddDays(1)).ShouldSucceed();
        dispute.AssignArbitrator(Arbitrator, opened.AddDays(1)).ShouldSucceed();
        dispute.SubmitEvidence(buyer, new EvidenceSubmission("Video of three reboots", ["video-1"]), opened.AddDays(1)).ShouldSucceed();
        dispute.SubmitEvidence(reseller, new EvidenceSubmission("Bench test log", ["log-1"]), opened.AddDays(2)).ShouldSucceed();
        dispute.State.Should().Be(AwaitingRuling);

        // The arbitrator sees a real but intermittent fault: a partial refund of 120, keep the router, 5 penalty points.
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.PartialRefund, Yuan(120), "Intermittent reboots are visible in the video",
            ShippingPayer.Seller, PenaltyPoints: 5, PenaltyReason: "Rejected a documented fault"), opened.AddDays(3)).ShouldSucceed();

        // Nobody appeals within 15 days: the ruling is executed and the refund paid.
        dispute.ExpireDeadline(opened.AddDays(18)).ShouldSucceed();
        dispute.RecordRefundSuccess(new RefundResult("alipay-99001"), opened.AddDays(18)).ShouldSucceed();

        dispute.Timeline.Select(e => (e.Party, e.Action, e.To)).Should().Equal(
            (Party.Buyer, DisputeAction.Open, AwaitingSellerResponse),
            (Party.Seller, Reject, RejectedBySeller),
            (Party.Buyer, Escalate, CollectingEvidence),
            (Party.Arbitrator, AssignArbitrator, CollectingEvidence),
            (Party.Buyer, SubmitEvidence, CollectingEvidence),
            (Party.Seller, SubmitEvidence, CollectingEvidence),
            (Party.System, CloseEvidence, AwaitingRuling),
            (Party.Arbitrator, Rule, RulingIssued),
            (Party.System, ExecuteRuling, Refunding),
            (Party.System, RecordRefundSuccess, Closed));
        dispute.Refund!.Amount.Should().Be(Yuan(120));
        dispute.Closure.Should().Be(ClosureReason.Refunded);
        dispute.Scorecard.Should().BeEquivalentTo(new
        {
            StoreId = Reseller,
            FirstResponseTime = TimeSpan.FromHours(20),
            Arbitration = ArbitrationResult.Split,
            PenaltyPoints = 5,
        });
    }
}
