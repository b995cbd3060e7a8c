using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

/// <summary>
/// The dead ends and skipped rules found by reading the engine before the soundness explorer existed
/// (issue "every case can finish"). Each of these failed on the code before its fix; the explorer
/// (tests/AfterSales.Disputes.Tests/Soundness) now guards the whole reachable space.
/// </summary>
public class DeadEndTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);
    private static readonly ShipmentDetails s_parcel = new("SF", "SF42");

    private static Dispute Escalated(Dispute dispute, DateTimeOffset at)
    {
        dispute.Reject(dispute.StoreId, new RejectionReason("no-fault-found"), at).ShouldSucceed();
        dispute.Escalate(Actor.Buyer(Buyer), new EscalationRequest("It is faulty"), at).ShouldSucceed();
        dispute.AssignArbitrator(Arbitrator, at).ShouldSucceed();
        return dispute;
    }

    // Defect 1: a repair agreed on a request that was not opened as one had no repair file, so nobody
    // who could act could see the case once the device was shipped.

    [Fact]
    public void ARepairOffer_AcceptedOnAReturn_RoutesTheDeviceToTheLinesServiceCenter_WhichFinishesTheRepair()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);
        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.Repair, Terms: "We repair it free of charge"), s_now).ShouldSucceed();
        dispute.AcceptOffer(Buyer, s_now).ShouldSucceed();
        dispute.ShipDevice(Buyer, s_parcel, s_now).ShouldSucceed();

        dispute.RepairFile!.ServiceCenterId.Should().Be(ServiceCenter);
        dispute.IsVisibleTo(Actor.ServiceCenter(ServiceCenter)).Should().BeTrue();
        dispute.ReceiveDevice(ServiceCenter, s_now.AddDays(1)).ShouldSucceed();
        dispute.Diagnose(ServiceCenter, new Diagnosis(true, "Power supply"), s_now.AddDays(2)).ShouldSucceed();
        dispute.CompleteRepair(ServiceCenter, new RepairReport(RepairResult.Repaired, "New power supply"), s_now.AddDays(3)).ShouldSucceed();
        dispute.ShipDeviceBack(ServiceCenter, s_parcel, s_now.AddDays(3)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.AwaitingRepairConfirmation);
    }

    [Fact]
    public void ARepairRuling_OnAnExchange_GivesTheCaseARepairFileWithTheLinesServiceCenter()
    {
        var dispute = Escalated(Open(RouterOrder(), Request(RequestKind.Exchange, RequestReason.Defective), s_now), s_now);
        dispute.ExpireDeadline(s_now.AddDays(4)).ShouldSucceed(); // the evidence window ends
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.Repair, Rationale: "A repair fixes this fault"), s_now.AddDays(4)).ShouldSucceed();
        dispute.ExpireDeadline(s_now.AddDays(20)).ShouldSucceed(); // the appeal window ends: executed

        dispute.State.Should().Be(DisputeState.AwaitingDeviceShipment);
        dispute.RepairFile!.ServiceCenterId.Should().Be(ServiceCenter);
        dispute.RepairFile.Application.FaultDescription.Should().Be(dispute.Description);
    }

    [Fact]
    public void ARepair_OnALineWhoseBrandHasNoServiceCenter_CannotBeOfferedOrRuled()
    {
        var order = RouterOrder();
        var dispute = Open(order, Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(40), lineId: "line-cable"), s_now);

        var offer = dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.Repair, Terms: "repair"), s_now);

        offer.Refusal!.Code.Should().Be(DisputeRefusalCode.InvalidInput);
        offer.Refusal.Message.Should().Contain("no service center repairs the item of line line-cable");
        Escalated(dispute, s_now).ExpireDeadline(s_now.AddDays(4)).ShouldSucceed();
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.Repair, Rationale: "repair"), s_now.AddDays(4)).Refusal!.Message
            .Should().Contain("cannot be ruled a repair: no service center");
    }

    // Defect 2: a repair request on a line without a brand warranty was accepted with an empty service center.

    [Fact]
    public void ARepairRequest_OnALineWithoutABrandWarranty_IsNotEligible_NamingTheMissingServiceCenter()
    {
        var order = RouterOrder();
        var outcome = Dispute.Open(Request(RequestKind.Repair, RequestReason.Defective, lineId: "line-cable", repair: RouterRepair()),
            OrderRefunds.Of(order, []), PolicyFor(order, "line-cable"), s_now);

        outcome.Succeeded.Should().BeFalse();
        outcome.Refusal!.Code.Should().Be(DisputeRefusalCode.NotEligible);
        outcome.Eligibility!.Failures.Should().ContainSingle(f => f.Rule == "service-center")
            .Which.Reason.Should().StartWith("No service center repairs line line-cable: its brand has no warranty service on this platform.");
    }

    // Defect 3: the service center's steps and the arbitrator's ruling had no deadline; a refund failing for
    // ever was retried hourly for ever.

    public static TheoryData<int, DisputeState, string> ServiceCenterSteps => new()
    {
        { 0, DisputeState.DeviceInTransit, "device receipt window" },
        { 1, DisputeState.AwaitingDiagnosis, "diagnosis window" },
        { 2, DisputeState.Repairing, "repair window" },
        { 3, DisputeState.ReturningDevice, "device return window" },
    };

    [Theory]
    [MemberData(nameof(ServiceCenterSteps))]
    public void ASilentServiceCenter_SendsTheCaseToThePlatform_WhenItsStepsWindowEnds(int stepsTaken, DisputeState waiting, string window)
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair()), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.ShipDevice(Buyer, s_parcel, s_now).ShouldSucceed();
        Action[] steps =
        [
            () => dispute.ReceiveDevice(ServiceCenter, s_now).ShouldSucceed(),
            () => dispute.Diagnose(ServiceCenter, new Diagnosis(true, "Wi-Fi module"), s_now).ShouldSucceed(),
            () => dispute.CompleteRepair(ServiceCenter, new RepairReport(RepairResult.Repaired, "Fixed"), s_now).ShouldSucceed(),
        ];
        foreach (var step in steps.Take(stepsTaken))
        {
            step();
        }

        dispute.State.Should().Be(waiting);
        dispute.Deadline!.Value.ExpiresWith.Should().Be(DisputeAction.EscalateOverdue);
        dispute.CanEscalate(Actor.Buyer(Buyer), s_now).Should().BeTrue("the waiting buyer may take it to the platform at once");
        dispute.ExpireDeadline(dispute.Deadline.Value.DueAt).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.CollectingEvidence);
        dispute.Arbitration!.EscalatedBy.Should().Be(Party.System);
        dispute.Arbitration.Reason.Should().Be($"The service center did not act within the {window}.");
    }

    [Fact]
    public void AnArbitratorWhoDoesNotRuleInTime_GrantsTheBuyerAFullRefund_WithoutPenalisingTheStore()
    {
        var dispute = Escalated(Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now), s_now);
        dispute.ExpireDeadline(s_now.AddDays(4)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.AwaitingRuling);

        dispute.ExpireDeadline(s_now.AddDays(4 + 15)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(399));
        dispute.Arbitration!.CurrentRuling!.Terms.Outcome.Should().Be(RulingOutcome.FullRefund);
        dispute.Scorecard.Arbitration.Should().BeNull();
        dispute.Scorecard.PenaltyPoints.Should().Be(0);
    }

    [Fact]
    public void AnAppealNobodyReviews_LetsTheRulingStand_WhenTheReviewWindowEnds()
    {
        var dispute = Escalated(Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now), s_now);
        dispute.ExpireDeadline(s_now.AddDays(4)).ShouldSucceed();
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.ClaimRejected, Rationale: "Wear, not a fault"), s_now.AddDays(4)).ShouldSucceed();
        dispute.Appeal(Actor.Buyer(Buyer), new AppealRequest("It is a fault"), s_now.AddDays(5)).ShouldSucceed();

        dispute.ExpireDeadline(s_now.AddDays(5 + 15)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Closed);
        dispute.Closure.Should().Be(ClosureReason.ClaimRejected);
    }

    [Fact]
    public void ARefundThatKeepsFailing_BacksOff_ThenWaitsInThePlatformsQueue_WithItsFailureShown()
    {
        var dispute = Open(RouterOrder(notShipped: true), Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(399)), Placed);
        dispute.Approve(Flagship, Placed).ShouldSucceed();
        var now = Placed;
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            dispute.RecordRefundFailure(new RefundResult(null, $"bank offline ({attempt})"), now).ShouldSucceed();
            waits.Add(dispute.Deadline!.Value.DueAt - now);
            now = dispute.Deadline.Value.DueAt;
            dispute.ExpireDeadline(now).ShouldSucceed();
        }

        waits.Should().Equal(TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(16));
        dispute.State.Should().Be(DisputeState.RefundEscalated);
        dispute.Refund!.LastFailure.Should().Be("bank offline (5)");
        dispute.Deadline!.Value.ExpiresWith.Should().Be(DisputeAction.RetryRefund, "the queue still retries daily");
        dispute.IsVisibleTo(Actor.Arbitrator(Arbitrator)).Should().BeTrue("the platform's staff work the queue");
        dispute.RetryRefund(Actor.Arbitrator(Arbitrator), now).ShouldSucceed();
        dispute.RecordRefundSuccess(new RefundResult("pay-1"), now).ShouldSucceed();
        dispute.Closure.Should().Be(ClosureReason.Refunded);
    }

    // Defect 4: a failed refund of a case never escalated could be retried only by arbitrators, who could not see it.

    [Fact]
    public void AFailedRefund_OnACaseNeverEscalated_CanBeRetriedByItsSeller_AndByThePlatformsStaff_ButNotByTheBuyer()
    {
        var dispute = Open(RouterOrder(notShipped: true), Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(399)), Placed);
        dispute.Approve(Flagship, Placed).ShouldSucceed();
        dispute.RecordRefundFailure(new RefundResult(null, "declined"), Placed).ShouldSucceed();

        dispute.AllowedActions(Actor.Seller(Flagship), Placed).Should().Contain(DisputeAction.RetryRefund);
        dispute.IsVisibleTo(Actor.Arbitrator(Arbitrator)).Should().BeTrue();
        dispute.RetryRefund(Actor.Buyer(Buyer), Placed).Refusal!.Message
            .Should().Be("RetryRefund in state RefundFailed is for Seller or Arbitrator or System, not Buyer.");
        dispute.RetryRefund(Actor.Seller(Reseller), Placed).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAParty);
        dispute.RetryRefund(Actor.Seller(Flagship), Placed).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Attempts.Should().Be(2);
    }

    [Fact]
    public void AnArbitrator_CanNeitherSeeNorActOnACaseThePlatformDoesNotHave()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), s_now);

        dispute.IsVisibleTo(Actor.Arbitrator(Arbitrator)).Should().BeFalse();
        dispute.AllowedActions(Actor.Arbitrator(Arbitrator), s_now).Should().BeEmpty();
        dispute.SendMessage(Actor.Arbitrator(Arbitrator), new MessageText("hello"), s_now).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAParty);
    }

    // Defect 5: a wrong size or colour skipped every window and the intact-goods check.

    [Theory]
    [InlineData(RequestKind.ReturnAndRefund)]
    [InlineData(RequestKind.Exchange)]
    public void AWrongSizeRequest_AfterTheNoReasonWindow_IsNotEligible(RequestKind kind)
    {
        var order = RouterOrder();
        var outcome = Dispute.Open(Request(kind, RequestReason.WrongSize, kind == RequestKind.Exchange ? null : Yuan(399)),
            OrderRefunds.Of(order, []), PolicyFor(order, "line-router"), Delivered.AddDays(8));

        outcome.Refusal!.Code.Should().Be(DisputeRefusalCode.NotEligible);
        outcome.Eligibility!.Failures.Should().ContainSingle(f => f.Rule == "no-reason-window");
    }

    [Theory]
    [InlineData(RequestKind.ReturnAndRefund)]
    [InlineData(RequestKind.Exchange)]
    public void AWrongSizeRequest_OfGoodsThatAreNotIntact_IsNotEligible(RequestKind kind)
    {
        var order = RouterOrder();
        var outcome = Dispute.Open(Request(kind, RequestReason.WrongSize, kind == RequestKind.Exchange ? null : Yuan(399), condition: ConditionIssue.VisibleWear),
            OrderRefunds.Of(order, []), PolicyFor(order, "line-router"), s_now);

        outcome.Refusal!.Code.Should().Be(DisputeRefusalCode.NotEligible);
        outcome.Eligibility!.Failures.Should().ContainSingle(f => f.Rule == "goods-intact");
    }

    [Fact]
    public void AWrongSizeReturn_WithinTheWindow_IsEligible_AndTheBuyerPaysReturnShippingAsForANoReasonReturn()
    {
        var order = RouterOrder();
        var outcome = Dispute.Open(Request(RequestKind.ReturnAndRefund, RequestReason.WrongSize, Yuan(399)),
            OrderRefunds.Of(order, []), PolicyFor(order, "line-router"), s_now);

        outcome.Succeeded.Should().BeTrue();
        outcome.Eligibility!.ReturnShippingPayer.Should().Be(ShippingPayer.Buyer);
        outcome.Eligibility.Trace.Select(c => c.Rule).Should().Contain(["wrong-size", "no-reason-window", "goods-intact"]);
    }
}
