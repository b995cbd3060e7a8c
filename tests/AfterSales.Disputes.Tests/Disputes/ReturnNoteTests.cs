using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

/// <summary>The buyer notes something about a return on its way back; the seller reads it when the parcel arrives.</summary>
public class ReturnNoteTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);

    private static Dispute ReturnOnItsWay()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF Express", "SF1001"), s_now).ShouldSucceed();
        return dispute;
    }

    [Fact]
    public void TheBuyer_AddsNotesToAReturnOnItsWay_KeepingTheStepAndItsDeadline()
    {
        var dispute = ReturnOnItsWay();
        var deadline = dispute.Deadline;

        dispute.AddReturnNote(Buyer, new ReturnNote("Left at the locker, code 4471"), s_now.AddHours(3)).ShouldSucceed();

        dispute.ReturnNotes.Should().Equal(new ReturnNote("Left at the locker, code 4471"));
        dispute.State.Should().Be(DisputeState.AwaitingReturnReceipt);
        dispute.Deadline.Should().Be(deadline);
        Dispute.Rebuild(dispute.Timeline).ReturnNotes.Should().Equal(dispute.ReturnNotes);
    }

    [Fact]
    public void ABlankNote_ANoteByTheSeller_OrANoteBeforeTheReturnShipped_IsRefused_AndChangesNothing()
    {
        var dispute = ReturnOnItsWay();
        var notShipped = Open(RouterOrder(orderId: "order-2"), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);

        dispute.AddReturnNote(Buyer, new ReturnNote(" "), s_now).Refusal!.Code.Should().Be(DisputeRefusalCode.InvalidInput);
        dispute.Take(Actor.Seller(Flagship), DisputeAction.AddReturnNote, new ReturnNote("Got it"), s_now).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);
        notShipped.AddReturnNote(Buyer, new ReturnNote("Soon"), s_now).Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);
        dispute.ReturnNotes.Should().BeEmpty();
        dispute.Version.Should().Be(3);
    }
}
