using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

/// <summary>
/// On-site service, when the line came with it and the brand warranty offers it: the service center proposes a
/// visit slot, the buyer accepts it (or silence does) or asks for another, and the technician reports a repair on
/// site or takes the device in. Each step has a deadline and a default outcome.
/// </summary>
public class OnSiteServiceTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(40);

    private static VisitSlot Tomorrow(DateTimeOffset now) => new(now.AddDays(1), now.AddDays(1).AddHours(3), "Technician Wang");

    private static Dispute Approved(bool onSite = true, FaultCause? cause = null)
    {
        var dispute = Open(RouterOrder(onSite: onSite), Request(RequestKind.Repair, RequestReason.Defective, cause: cause, repair: RouterRepair()), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        return dispute;
    }

    private static Dispute Scheduled()
    {
        var dispute = Approved();
        dispute.ProposeVisit(ServiceCenter, Tomorrow(s_now), s_now).ShouldSucceed();
        dispute.AcceptVisit(Buyer, s_now.AddHours(1)).ShouldSucceed();
        return dispute;
    }

    [Fact]
    public void ALineWithOnSiteService_IsRepairedByAVisit_NotShippedIn()
    {
        Approved().State.Should().Be(DisputeState.AwaitingVisitProposal);
        Approved(onSite: false).State.Should().Be(DisputeState.AwaitingDeviceShipment);
        Approved().Eligibility.Trace.Single(c => c.Rule == "on-site-service").Reason.Should().Contain("sends a technician");
    }

    [Fact]
    public void AProposedSlot_WaitsForTheBuyer_UntilHalfAnHourBeforeIt_AtMostTwoDays()
    {
        var dispute = Approved();

        dispute.ProposeVisit(ServiceCenter, new VisitSlot(s_now.AddHours(5), s_now.AddHours(8)), s_now).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingVisitAnswer);
        dispute.Deadline!.Value.Should().BeEquivalentTo(new { ExpiresWith = DisputeAction.AcceptVisit, DueAt = s_now.AddHours(4.5) });
        dispute.RepairFile!.Visits.Should().ContainSingle().Which.Status.Should().Be(VisitStatus.Proposed);

        var later = Approved();
        later.ProposeVisit(ServiceCenter, new VisitSlot(s_now.AddDays(5), s_now.AddDays(5).AddHours(2)), s_now).ShouldSucceed();
        later.Deadline!.Value.DueAt.Should().Be(s_now.AddDays(2));
    }

    [Fact]
    public void TheBuyerAsksForAnotherSlot_AndTheServiceCenterProposesAgain()
    {
        var dispute = Approved();
        dispute.ProposeVisit(ServiceCenter, Tomorrow(s_now), s_now).ShouldSucceed();

        dispute.RequestOtherSlot(Buyer, new OtherSlotRequest("Evenings only"), s_now.AddHours(1)).ShouldSucceed();
        dispute.ProposeVisit(ServiceCenter, new VisitSlot(s_now.AddDays(1).AddHours(10), s_now.AddDays(1).AddHours(12)), s_now.AddHours(2)).ShouldSucceed();

        dispute.RepairFile!.Visits.Select(v => (v.Status, v.OtherSlotReason)).Should().Equal((VisitStatus.OtherSlotAsked, "Evenings only"), (VisitStatus.Proposed, null));
        dispute.State.Should().Be(DisputeState.AwaitingVisitAnswer);
    }

    [Fact]
    public void TheBuyersSilence_AcceptsTheSlot_AndTheServiceCenterReportsUntilADayAfterIt()
    {
        var dispute = Approved();
        var slot = Tomorrow(s_now);
        dispute.ProposeVisit(ServiceCenter, slot, s_now).ShouldSucceed();

        dispute.ExpireDeadline(dispute.Deadline!.Value.DueAt).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.VisitScheduled);
        dispute.RepairFile!.Visits[^1].Status.Should().Be(VisitStatus.Accepted);
        dispute.Deadline!.Value.Should().BeEquivalentTo(new { ExpiresWith = DisputeAction.EscalateOverdue, DueAt = slot.End.AddDays(1) });
    }

    [Fact]
    public void ARepairOnSite_GoesToTheBuyersConfirmation_AndARepeatFaultBringsTheTechnicianBack()
    {
        var dispute = Scheduled();

        dispute.ReportVisit(ServiceCenter, new VisitReport("Replaced the power adapter", VisitOutcome.RepairedOnSite), s_now.AddDays(1).AddHours(2)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.AwaitingRepairConfirmation);
        dispute.RepairFile!.Repairs.Should().ContainSingle().Which.Should().Be(new RepairReport(RepairResult.Repaired, "Replaced the power adapter"));
        dispute.ConfirmRepair(Buyer, s_now.AddDays(2)).ShouldSucceed();
        dispute.ReportRepeatFault(Buyer, new RepeatFault("wifi-drops", "Drops again"), s_now.AddDays(20)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingVisitProposal);
    }

    [Fact]
    public void ADeviceTakenIn_IsDiagnosedAtTheServiceCenter()
    {
        var dispute = Scheduled();

        dispute.ReportVisit(ServiceCenter, new VisitReport("The board needs the bench", VisitOutcome.TakenToServiceCenter), s_now.AddDays(1)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingDiagnosis);
        dispute.Diagnose(ServiceCenter, new Diagnosis(true, "Wi-Fi module"), s_now.AddDays(3)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.Repairing);
    }

    [Fact]
    public void ARepairTheWarrantyDoesNotCover_IsNotDoneOnSite_WithoutTheBuyersConsentToAFee()
    {
        var dispute = Approved(cause: FaultCause.LiquidDamage);
        dispute.ProposeVisit(ServiceCenter, Tomorrow(s_now), s_now).ShouldSucceed();
        dispute.AcceptVisit(Buyer, s_now).ShouldSucceed();

        var refused = dispute.ReportVisit(ServiceCenter, new VisitReport("Corroded board", VisitOutcome.RepairedOnSite), s_now.AddDays(1));

        refused.Refusal!.Message.Should().StartWith("A repair the warranty does not cover needs the buyer's consent to a fee");
        dispute.State.Should().Be(DisputeState.VisitScheduled);
    }

    [Fact]
    public void AServiceCenterThatProposesNoSlot_OrDoesNotCome_LeavesTheCaseToThePlatform()
    {
        var silent = Approved();
        silent.Deadline!.Value.DueAt.Should().Be(s_now.AddDays(2));
        silent.ExpireDeadline(s_now.AddDays(2)).ShouldSucceed();
        silent.State.Should().Be(DisputeState.CollectingEvidence);

        var noShow = Scheduled();
        noShow.ExpireDeadline(noShow.Deadline!.Value.DueAt).ShouldSucceed();
        noShow.State.Should().Be(DisputeState.CollectingEvidence);
    }

    [Theory]
    [InlineData(0.5, 3, "A visit slot starts at least an hour after it is proposed.")]
    [InlineData(24, 23, "A visit slot ends after it starts.")]
    [InlineData(24, 33, "A visit slot is at most 8 hours long.")]
    public void ASlotTheBuyerCannotPlanFor_IsRefused(double startHours, double endHours, string message)
    {
        var dispute = Approved();

        dispute.ProposeVisit(ServiceCenter, new VisitSlot(s_now.AddHours(startHours), s_now.AddHours(endHours)), s_now).Refusal!.Message.Should().Be(message);
        dispute.State.Should().Be(DisputeState.AwaitingVisitProposal);
    }

    [Fact]
    public void AVisitedRepair_RebuildsFromItsTimeline()
    {
        var dispute = Scheduled();
        dispute.ReportVisit(ServiceCenter, new VisitReport("Replaced the power adapter", VisitOutcome.RepairedOnSite), s_now.AddDays(1)).ShouldSucceed();

        var rebuilt = Dispute.Rebuild(dispute.Timeline);

        rebuilt.RepairFile.Should().BeEquivalentTo(dispute.RepairFile);
        rebuilt.Deadline.Should().Be(dispute.Deadline);
    }
}
