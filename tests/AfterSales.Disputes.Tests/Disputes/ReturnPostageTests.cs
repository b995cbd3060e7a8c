using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

/// <summary>
/// Who pays return shipping moves money in the refund: the seller reimburses the buyer's postage (up to the store's
/// cap), and a buyer who pays but used the seller's prepaid label has its cost deducted.
/// </summary>
public class ReturnPostageTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);

    private static Dispute Refunded(RequestReason reason, ShipmentDetails shipment, string store = Flagship)
    {
        var dispute = Open(RouterOrder(store), Request(RequestKind.ReturnAndRefund, reason, Yuan(399)), s_now);
        dispute.Approve(store, s_now).ShouldSucceed();
        dispute.ShipReturn(Buyer, shipment, s_now.AddDays(1)).ShouldSucceed();
        dispute.ConfirmReceipt(store, new ConditionReport(ConditionIssue.None, []), s_now.AddDays(3)).ShouldSucceed();
        return dispute;
    }

    [Fact]
    public void AFaultyItemsReturn_ReimbursesThePostageTheBuyerPaid()
    {
        var dispute = Refunded(RequestReason.Defective, new ShipmentDetails("SF Express", "SF1", Postage: Yuan(12)));

        dispute.ReturnShippingPayer.Should().Be(ShippingPayer.Seller);
        dispute.Refund!.Amount.Should().Be(Yuan(411));
        dispute.Refund.ReturnPostage.Should().Be(Yuan(12));
        dispute.Refund.ItemPart.Should().Be(Yuan(399), "postage is not a refund of what was paid for the item");
    }

    [Fact]
    public void TheReimbursement_StopsAtTheStoresCap_AndAStoreWithoutOneReimbursesNothing()
    {
        Refunded(RequestReason.Defective, new ShipmentDetails("SF Express", "SF1", Postage: Yuan(35))).Refund!.ReturnPostage.Should().Be(Yuan(20));
        Refunded(RequestReason.Defective, new ShipmentDetails("SF Express", "SF1", Postage: Yuan(35)), Reseller).Refund!.ReturnPostage.Should().BeNull();
    }

    [Fact]
    public void ANoReasonReturn_WithTheSellersPrepaidLabel_DeductsTheLabel()
    {
        var dispute = Refunded(RequestReason.NoReason, new ShipmentDetails("SF Express", "SF1", Postage: Yuan(10), PrepaidLabel: true));

        dispute.ReturnShippingPayer.Should().Be(ShippingPayer.Buyer);
        dispute.Refund!.Amount.Should().Be(Yuan(389));
        dispute.Refund.ReturnPostage.Should().Be(Yuan(-10));
    }

    [Theory]
    [InlineData(RequestReason.NoReason, false)]
    [InlineData(RequestReason.Defective, true)]
    public void WhoPaidTheirOwnShare_MovesNoMoney(RequestReason reason, bool prepaid)
    {
        var dispute = Refunded(reason, new ShipmentDetails("SF Express", "SF1", Postage: Yuan(10), PrepaidLabel: prepaid));

        dispute.Refund!.Amount.Should().Be(Yuan(399));
        dispute.Refund.ReturnPostage.Should().BeNull();
    }

    [Fact]
    public void ARulingsPayer_ReplacesThePolicys()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), s_now);
        dispute.Reject(Flagship, new RejectionReason("item-as-described"), s_now).ShouldSucceed();
        dispute.Escalate(Actor.Buyer(Buyer), new EscalationRequest("It arrived scratched"), s_now).ShouldSucceed();
        dispute.AssignArbitrator(Arbitrator, s_now).ShouldSucceed();
        dispute.ExpireDeadline(dispute.Deadline!.Value.DueAt).ShouldSucceed();
        dispute.Rule(Arbitrator, new RulingTerms(RulingOutcome.ReturnAndRefund, Rationale: "Scratched on arrival", ReturnShippingPayer: ShippingPayer.Seller), s_now.AddDays(9))
            .ShouldSucceed();
        dispute.AcceptRuling(Actor.Buyer(Buyer), s_now.AddDays(9)).ShouldSucceed();
        dispute.AcceptRuling(Actor.Seller(Flagship), s_now.AddDays(9)).ShouldSucceed();
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF Express", "SF1", Postage: Yuan(15)), s_now.AddDays(10)).ShouldSucceed();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, []), s_now.AddDays(12)).ShouldSucceed();

        dispute.Eligibility.ReturnShippingPayer.Should().Be(ShippingPayer.Buyer);
        dispute.ReturnShippingPayer.Should().Be(ShippingPayer.Seller);
        dispute.Refund!.ReturnPostage.Should().Be(Yuan(15));
    }

    [Fact]
    public void Postage_IsInTheOrdersCurrency_NotNegative_AndAPrepaidLabelNamesItsCost()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();

        dispute.ShipReturn(Buyer, new ShipmentDetails("SF", "SF1", Postage: Euro(5)), s_now).Refusal!.Message.Should().Be("The amount is in EUR, but the order was paid in CNY.");
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF", "SF1", Postage: Yuan(-1)), s_now).Refusal!.Message.Should().Be("Postage cannot be negative.");
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF", "SF1", PrepaidLabel: true), s_now).Refusal!.Message
            .Should().Be("A return with a prepaid label names the label's cost (postage).");
        dispute.State.Should().Be(DisputeState.AwaitingReturnShipment);
    }

    [Fact]
    public void ANegativeCap_IsBelowThePlatformFloor()
    {
        var problems = PolicyComposer.Check(FlagshipPolicy with { ReturnPostageCap = Yuan(-1) }, PlatformFloor.Default, JurisdictionPacks.China);

        problems.Should().ContainSingle().Which.Should().Be("Rule 'return postage': the store cannot reimburse a negative amount (-1.00 CNY).");
    }
}
