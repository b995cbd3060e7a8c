using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

/// <summary>
/// Several lines and quantities in one request: 2 of the 3 mice, or the mouse and the keyboard. Ceilings scale
/// with the units, only the units asked about are held, a partial return refunds what came back, and a free
/// gift comes back by unit with its item.
/// </summary>
public class QuantityTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);
    private static readonly ShipmentDetails s_express = new("SF Express", "SF300");

    private static OpenDisputeRequest Return(Amount refund, int? mice = null, string id = "dispute-1", IReadOnlyList<RequestedLine>? others = null,
        bool withPads = true, RequestReason reason = RequestReason.NoReason) =>
        new(id, Buyer, "line-mouse", RequestKind.ReturnAndRefund, reason, "Too many mice", refund,
            IncludedLineIds: withPads ? ["line-pad"] : null, Quantity: mice, OtherLines: others);

    private static OpenOutcome TryOpen(OpenDisputeRequest request, params Dispute[] others) =>
        Dispute.Open(request, OrderRefunds.Of(PeripheralsOrder(), others), PolicyFor(Flagship), s_now);

    private static Dispute Received(Dispute dispute, ConditionReport report)
    {
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.ShipReturn(Buyer, s_express, s_now.AddDays(1)).ShouldSucceed();
        dispute.ConfirmReceipt(Flagship, report, s_now.AddDays(3)).ShouldSucceed();
        return dispute;
    }

    [Fact]
    public void TwoOfThreeMice_CanRefundTheirShare_AndTheirTwoPads_ComeBackWithThem()
    {
        var dispute = Open(PeripheralsOrder(), Return(Yuan(200), mice: 2), s_now);

        dispute.Lines.Should().Equal(
            new DisputedLine("line-mouse", 2, Yuan(200), UnitPrice: Yuan(100)),
            new DisputedLine("line-pad", 2, Yuan(0), GiftFor: "line-mouse", UnitPrice: Yuan(0)));
        dispute.Ceiling.Should().Be(Yuan(200));
        dispute.Eligibility.Trace.Single(c => c.Rule == "gift-with-main-item").Reason
            .Should().Be("The free gift (2 of the 3 units of line line-pad) comes back with the item.");
    }

    [Fact]
    public void MoreThanTheUnitsShare_IsAnOverRefund()
    {
        var refused = TryOpen(Return(Yuan(201), mice: 2));

        refused.Refusal!.Code.Should().Be(DisputeRefusalCode.OverRefund);
        refused.Refusal.Message.Should().Be("A refund of 201.00 CNY exceeds the 200.00 CNY that can still be refunded for line line-mouse.");
    }

    [Fact]
    public void TheUnitsOfAnOpenRequest_AreHeld_ButTheOthersCanBeAskedAbout()
    {
        var first = Open(PeripheralsOrder(), Return(Yuan(200), mice: 2), s_now);

        var tooMany = TryOpen(Return(Yuan(100), mice: 2, id: "dispute-2"), first);
        var theThird = TryOpen(Return(Yuan(100), mice: 1, id: "dispute-2"), first);

        tooMany.Refusal!.Code.Should().Be(DisputeRefusalCode.LineAlreadyDisputed);
        tooMany.Refusal.Message.Should().Be("Only 1 of the units of line line-mouse are free: request dispute-1 holds the others while it is open.");
        theThird.Dispute!.Ceiling.Should().Be(Yuan(100));
        theThird.Dispute.Lines[1].Should().Be(new DisputedLine("line-pad", 1, Yuan(0), GiftFor: "line-mouse", UnitPrice: Yuan(0)));
    }

    [Fact]
    public void TheMouseAndTheKeyboard_GoInOneRequest_AndTheRefundIsSharedByLine()
    {
        var dispute = Open(PeripheralsOrder(), Return(Yuan(500), others: [new RequestedLine("line-keyboard", 1)]), s_now);

        Received(dispute, new ConditionReport(ConditionIssue.None, []));

        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(500));
        dispute.Refund.Lines.Should().Equal(
            new RefundLine("line-mouse", 3, Yuan(300)), new RefundLine("line-keyboard", 1, Yuan(200)), new RefundLine("line-pad", 3, Yuan(0)));
    }

    [Fact]
    public void EveryLineOfTheRequest_MeetsTheRules_EachReasonNamingItsLine()
    {
        var order = PeripheralsOrder();
        order = order with { Lines = [.. order.Lines.Select(l => l.LineId == "line-keyboard" ? l with { Categories = Orders.ItemCategory.CustomMade } : l)] };

        var refused = Dispute.Open(Return(Yuan(400), others: [new RequestedLine("line-keyboard", 1)]), OrderRefunds.Of(order, []), PolicyFor(Flagship), s_now);

        refused.Refusal!.Code.Should().Be(DisputeRefusalCode.NotEligible);
        refused.Eligibility!.Failures.Should().ContainSingle().Which.Reason.Should().StartWith("Line line-keyboard: No-reason returns exclude custom made");
        refused.Eligibility.Trace.Should().Contain(c => c.Rule == "no-reason-exclusions" && c.Reason.StartsWith("Line line-mouse: ", StringComparison.Ordinal));
    }

    [Fact]
    public void APartialReturn_IsRefundedForTheUnitsReceived_WhenTheBuyerAcceptsOrSaysNothing()
    {
        var dispute = Open(PeripheralsOrder(), Return(Yuan(400), mice: 2, others: [new RequestedLine("line-keyboard", 1)]), s_now);

        Received(dispute, new ConditionReport(ConditionIssue.None, [], Received: [new("line-mouse", 1), new("line-keyboard", 1), new("line-pad", 1)]));
        dispute.State.Should().Be(DisputeState.ItemProblemReported, "the buyer may say the second mouse was in the box, and escalate");
        dispute.RefundAfterProblemReport.Should().Be(Yuan(300));
        dispute.ExpireDeadline(dispute.Deadline!.Value.DueAt).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(300));
        dispute.Refund.Lines.Should().Equal(
            new RefundLine("line-mouse", 1, Yuan(100)), new RefundLine("line-keyboard", 1, Yuan(200)), new RefundLine("line-pad", 1, Yuan(0)));
    }

    [Fact]
    public void APartialExchange_GoesOnToTheReplacement_OfWhatCameBack()
    {
        var request = Return(Yuan(1), mice: 2) with { Kind = RequestKind.Exchange, RequestedRefund = null };
        var dispute = Open(PeripheralsOrder(), request, s_now);

        Received(dispute, new ConditionReport(ConditionIssue.None, [], Received: [new("line-mouse", 1), new("line-pad", 1)]));

        dispute.State.Should().Be(DisputeState.AwaitingReplacementShipment);
        dispute.ReceiptReport!.Received.Should().Equal(new RequestedLine("line-mouse", 1), new RequestedLine("line-pad", 1));
    }

    [Fact]
    public void ARulingAfterAPartialReturn_StaysWithinTheLinesCeilings()
    {
        var dispute = Open(PeripheralsOrder(), Return(Yuan(200), mice: 2), s_now);
        Received(dispute, new ConditionReport(ConditionIssue.None, [], Received: [new("line-mouse", 1), new("line-pad", 1)]));
        dispute.Escalate(Actor.Buyer(Buyer), new EscalationRequest("Both mice were in the box"), s_now.AddDays(4)).ShouldSucceed();
        dispute.AssignArbitrator(Arbitrator, s_now.AddDays(4)).ShouldSucceed();
        dispute.ExpireDeadline(dispute.Deadline!.Value.DueAt).ShouldSucceed();
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.FullRefund, null, "The courier's photo shows two mice", ShippingPayer.Seller), s_now.AddDays(12)).ShouldSucceed();
        dispute.AcceptRuling(Actor.Buyer(Buyer), s_now.AddDays(12)).ShouldSucceed();
        dispute.AcceptRuling(Actor.Seller(Flagship), s_now.AddDays(12)).ShouldSucceed();

        dispute.Refund!.Amount.Should().Be(Yuan(200));
        dispute.Refund.Lines.Sum(l => l.Amount.MinorUnits).Should().Be(dispute.Refund.ItemPart.MinorUnits);
        dispute.Refund.Lines[0].Amount.Should().Be(Yuan(200), "the ruling refunds both mice, more than the one received is worth");
    }

    [Fact]
    public void WhatARequestRefunded_LeavesTheLaterOnesLessOnTheLine()
    {
        var first = Open(PeripheralsOrder(), Return(Yuan(200), mice: 2), s_now);
        first.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(150), "Keep them, 150 back"), s_now).ShouldSucceed();
        first.AcceptOffer(Buyer, s_now).ShouldSucceed();
        first.RecordRefundSuccess(new RefundResult("gw-1"), s_now).ShouldSucceed();

        var all = TryOpen(Return(Yuan(150), id: "dispute-2"), first);
        var over = TryOpen(Return(Yuan(151), id: "dispute-2"), first);

        all.Dispute!.Ceiling.Should().Be(Yuan(150), "300 paid for the mice, 150 refunded already");
        over.Refusal!.Code.Should().Be(DisputeRefusalCode.OverRefund);
    }

    [Theory]
    [InlineData(0, "Line line-mouse has 3 unit(s): ask about 1 to 3.")]
    [InlineData(4, "Line line-mouse has 3 unit(s): ask about 1 to 3.")]
    public void AQuantityTheLineDoesNotHave_IsInvalid(int mice, string message)
    {
        var refused = TryOpen(Return(Yuan(100), mice: mice));

        refused.Refusal!.Should().Be(new DisputeRefusal(DisputeRefusalCode.InvalidInput, message, []));
    }

    [Fact]
    public void OtherLines_MustBeOtherNonGiftLinesOfTheOrder_EachOnce()
    {
        TryOpen(Return(Yuan(100), others: [new("line-nope", 1)])).Refusal!.Message.Should().Be("Order order-peripherals has no line line-nope.");
        TryOpen(Return(Yuan(100), others: [new("line-mouse", 1)])).Refusal!.Message.Should().Be("Line line-mouse appears more than once in the request.");
        TryOpen(Return(Yuan(100), others: [new("line-pad", 1)])).Refusal!.Message.Should().Be("Line line-pad appears more than once in the request.");
        TryOpen(Return(Yuan(100), withPads: false, others: [new("line-pad", 1)])).Refusal!.Message
            .Should().Be("Line line-pad is a free gift: include it with its item (includedLineIds).");
        TryOpen(Return(Yuan(100), others: [new("line-keyboard", 2)])).Refusal!.Message.Should().Be("Line line-keyboard has 1 unit(s): ask about 1 to 1.");
    }

    [Fact]
    public void ARepair_IsAboutOneDevice()
    {
        var repair = new OpenDisputeRequest("dispute-1", Buyer, "line-mouse", RequestKind.Repair, RequestReason.Defective, "Double-clicks", Quantity: 2,
            Repair: new RepairApplication("M1", "M1-1", "double-click", "Double-clicks", "invoice-1", []));

        TryOpen(repair).Refusal!.Message.Should().Be("A repair request is about one device: open one request per device.");
    }

    [Fact]
    public void AReceiptReport_CountsOnlyTheRequestsUnits()
    {
        var dispute = Open(PeripheralsOrder(), Return(Yuan(200), mice: 2), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.ShipReturn(Buyer, s_express, s_now.AddDays(1)).ShouldSucceed();

        Report([new("line-mouse", 3)]).Should().Be("The request holds 2 unit(s) of line line-mouse: report 0 to 2 received.");
        Report([new("line-keyboard", 1)]).Should().Be("Line line-keyboard is not part of this request.");
        Report([new("line-mouse", 0), new("line-pad", 2)]).Should().Be("Nothing came back: confirm receipt only when some of the units arrived.");
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, [], Yuan(50), Received: [new("line-mouse", 1)]), s_now).Refusal!.Message
            .Should().Be("A report of intact goods proposes no other refund: the units received are refunded for their share.");
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.VisibleWear, ["photo-1"], Yuan(101), Received: [new("line-mouse", 1)]), s_now)
            .Refusal!.Message.Should().Be("The proposed refund 101.00 CNY is more than the 100.00 CNY the units received are worth.");
        dispute.State.Should().Be(DisputeState.AwaitingReturnReceipt);

        string Report(IReadOnlyList<RequestedLine> received) =>
            dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, [], Received: received), s_now).Refusal!.Message;
    }

    [Fact]
    public void ADisputeWithQuantities_RebuildsFromItsTimeline()
    {
        var dispute = Open(PeripheralsOrder(), Return(Yuan(400), mice: 2, others: [new RequestedLine("line-keyboard", 1)]), s_now);
        Received(dispute, new ConditionReport(ConditionIssue.None, [], Received: [new("line-mouse", 1), new("line-keyboard", 1)]));
        dispute.AcceptProblemReport(Buyer, s_now.AddDays(4)).ShouldSucceed();

        var rebuilt = Dispute.Rebuild(dispute.Timeline);

        rebuilt.Lines.Should().Equal(dispute.Lines);
        rebuilt.Refund.Should().BeEquivalentTo(dispute.Refund);
    }
}
