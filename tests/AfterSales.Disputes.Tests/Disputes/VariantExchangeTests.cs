using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

/// <summary>
/// An exchange for another variant of the same product (another colour, size or SKU): the variant is recorded on
/// the request or the offer and on the replacement, and a cheaper one refunds the difference once the replacement
/// is confirmed.
/// </summary>
public class VariantExchangeTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);
    private static readonly ProductVariant s_white = new("LW-AX3000-W", "white", Yuan(379));

    private static OpenDisputeRequest Exchange(ProductVariant? variant, RequestReason reason = RequestReason.NoReason) =>
        Request(RequestKind.Exchange, reason) with { Variant = variant };

    private static Dispute Replaced(Dispute dispute)
    {
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF Express", "SF1"), s_now.AddDays(1)).ShouldSucceed();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, []), s_now.AddDays(2)).ShouldSucceed();
        dispute.ShipReplacement(Flagship, new ShipmentDetails("SF Express", "SF2"), s_now.AddDays(3)).ShouldSucceed();
        return dispute;
    }

    [Fact]
    public void AnExchangeForACheaperColour_RefundsTheDifference_OnceTheReplacementIsConfirmed()
    {
        var dispute = Replaced(Open(RouterOrder(), Exchange(s_white), s_now));

        dispute.ExchangeVariant.Should().Be(s_white);
        dispute.PriceDifference.Should().Be(Yuan(-20));
        dispute.Shipments.Single(s => s.Purpose == ShipmentPurpose.Replacement).Variant.Should().Be(s_white);
        dispute.ConfirmReplacement(Buyer, s_now.AddDays(5)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(20));
        dispute.Timeline[0].Data.Should().BeOfType<DisputeOpened>().Which.Request.Variant.Should().Be(s_white);
    }

    [Fact]
    public void AVariantAtTheSamePrice_IsAPlainExchange_AndSilenceConfirmsIt()
    {
        var dispute = Replaced(Open(RouterOrder(), Exchange(s_white with { UnitPrice = Yuan(399) }), s_now));

        dispute.ExpireDeadline(dispute.Deadline!.Value.DueAt).ShouldSucceed();

        dispute.Closure.Should().Be(ClosureReason.Exchanged);
        dispute.Refund.Should().BeNull();
    }

    [Fact]
    public void TheSellerMayOfferAnotherVariant_WhichTheBuyerAccepts()
    {
        var dispute = Open(RouterOrder(), Exchange(null, RequestReason.Defective), s_now);

        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.Exchange, null, "The black one is in stock", s_white), s_now).ShouldSucceed();
        dispute.AcceptOffer(Buyer, s_now).ShouldSucceed();

        dispute.Offers.Single().Terms.Variant.Should().Be(s_white);
        dispute.ExchangeVariant.Should().Be(s_white);
        dispute.PriceDifference.Should().Be(Yuan(-20));
    }

    [Fact]
    public void AcceptingAnOfferOfAnotherRemedy_DropsTheVariant()
    {
        var dispute = Open(RouterOrder(), Exchange(s_white), s_now);

        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(50), "Keep it, 50 back"), s_now).ShouldSucceed();
        dispute.AcceptOffer(Buyer, s_now).ShouldSucceed();

        dispute.ExchangeVariant.Should().BeNull();
        dispute.PriceDifference.Should().BeNull();
    }

    [Theory]
    [InlineData(RequestKind.ReturnAndRefund, "LW-AX3000-W", 379, "Only an exchange asks for another variant.")]
    [InlineData(RequestKind.Exchange, "LW-AX3000", 379, "LW-AX3000 is the item bought: leave the variant out to get the same one.")]
    [InlineData(RequestKind.Exchange, " ", 379, "A variant names its SKU and what it is (a colour, a size).")]
    [InlineData(RequestKind.Exchange, "LW-AX6000", -1, "A variant's price cannot be negative.")]
    public void AVariantThatCannotBeSettled_IsRefused(RequestKind kind, string sku, int price, string message)
    {
        var request = Request(kind, RequestReason.NoReason, kind == RequestKind.ReturnAndRefund ? Yuan(399) : null)
            with { Variant = new ProductVariant(sku, "another", Yuan(price)) };

        var refused = Dispute.Open(request, OrderRefunds.Of(RouterOrder(), []), PolicyFor(Flagship), s_now);

        refused.Refusal!.Should().Be(new DisputeRefusal(DisputeRefusalCode.InvalidInput, message, []));
    }

    [Fact]
    public void AnOfferOfAVariant_IsForAnExchange()
    {
        var dispute = Open(RouterOrder(), Exchange(null, RequestReason.Defective), s_now);

        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(50), "Keep it", s_white), s_now).Refusal!.Message
            .Should().Be("Only an exchange offers another variant.");
    }

    [Fact]
    public void ADearerVariant_HasItsDifferenceChargedToTheBuyer_BeforeTheReplacementShips()
    {
        var pro = new ProductVariant("LW-AX6000", "the AX6000", Yuan(599));
        var dispute = Open(RouterOrder(), Exchange(pro), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF Express", "SF1"), s_now.AddDays(1)).ShouldSucceed();

        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, []), s_now.AddDays(2)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.ChargingBuyer);
        dispute.Charge.Should().Be(new ChargeRecord("dispute-1-charge-1", Yuan(200), ChargeStatus.Pending, 1, s_now.AddDays(2)));
        dispute.Take(Actor.System, DisputeAction.RecordChargeSuccess, new ChargeResult("pay-9"), s_now.AddDays(2)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.AwaitingReplacementShipment);
        dispute.ShipReplacement(Flagship, new ShipmentDetails("SF Express", "SF2"), s_now.AddDays(3)).ShouldSucceed();
        dispute.Shipments[^1].Variant.Should().Be(pro);
    }

    [Fact]
    public void ADifferenceThatCannotBeCharged_SendsTheSameItemInstead()
    {
        var dispute = Open(RouterOrder(), Exchange(new ProductVariant("LW-AX6000", "the AX6000", Yuan(599))), s_now);
        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF Express", "SF1"), s_now.AddDays(1)).ShouldSucceed();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, []), s_now.AddDays(2)).ShouldSucceed();
        var at = s_now.AddDays(2);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            dispute.Take(Actor.System, DisputeAction.RecordChargeFailure, new ChargeResult(null, "card declined"), at).ShouldSucceed();
            at = dispute.Deadline!.Value.DueAt;
            dispute.ExpireDeadline(at).ShouldSucceed();
        }

        dispute.State.Should().Be(DisputeState.AwaitingReplacementShipment);
        dispute.ExchangeVariant.Should().BeNull();
        dispute.PriceDifference.Should().BeNull();
        dispute.AllowedActions(Actor.Buyer(Buyer), at).Should().NotContain(DisputeAction.DeclineQuote);
    }

    [Fact]
    public void TheDifferenceRefunded_StaysWithinWhatTheRequestCanRefund()
    {
        var order = RouterOrder();
        order = order with { Lines = [order.Lines[0] with { Paid = Yuan(10) }, .. order.Lines.Skip(1)] };
        var dispute = Replaced(Open(order, Exchange(s_white with { UnitPrice = Yuan(99) }), s_now));

        dispute.ConfirmReplacement(Buyer, s_now.AddDays(5)).ShouldSucceed();

        dispute.PriceDifference.Should().Be(Yuan(-300));
        dispute.Refund!.Amount.Should().Be(Yuan(10), "the buyer paid 10 for the router after discounts");
    }

    [Fact]
    public void AVariantExchange_RebuildsFromItsTimeline()
    {
        var dispute = Replaced(Open(RouterOrder(), Exchange(s_white), s_now));
        dispute.ConfirmReplacement(Buyer, s_now.AddDays(5)).ShouldSucceed();

        var rebuilt = Dispute.Rebuild(dispute.Timeline);

        rebuilt.ExchangeVariant.Should().Be(dispute.ExchangeVariant);
        rebuilt.Shipments.Should().BeEquivalentTo(dispute.Shipments);
        rebuilt.Refund.Should().BeEquivalentTo(dispute.Refund);
    }
}
