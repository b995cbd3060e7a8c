using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Policies;

/// <summary>七天无理由退换货: where the store offers it, goods go back without a reason for an exchange as well as a refund.</summary>
public class NoReasonExchangeTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);

    private static EligibilityDecision Evaluate(string store, DateTimeOffset now, ConditionIssue condition = ConditionIssue.None) =>
        Eligibility.Evaluate(new EligibilityQuery(RouterOrder(store), "line-router", RequestKind.Exchange, RequestReason.NoReason, condition,
            IncludedLineIds: ["line-gift"]), PolicyFor(store), now);

    [Fact]
    public void AStoreThatOffersIt_TakesANoReasonExchange_UnderItsNoReasonRules()
    {
        var decision = Evaluate(Flagship, s_now);

        decision.IsEligible.Should().BeTrue();
        decision.Trace.Select(c => c.Rule).Should().ContainInOrder("kind-and-reason", "no-reason-window", "no-reason-exclusions", "goods-intact", "return-shipping");
        decision.Windows.Should().ContainSingle().Which.Should().Be(new EligibilityWindow("no-reason exchange (7 days from receipt)", Delivered.AddDays(7)));
        decision.ReturnShippingPayer.Should().Be(ShippingPayer.Buyer, "the buyer pays return shipping as for a no-reason return");
        decision.Trace.Single(c => c.Rule == "return-shipping").Reason.Should().Be("The buyer pays return shipping for a no-reason exchange.");
    }

    [Fact]
    public void AStoreThatDoesNotOfferIt_RefusesIt_AndPointsToTheReturn()
    {
        var decision = Evaluate(Reseller, s_now);

        decision.IsEligible.Should().BeFalse();
        decision.Failures.Should().ContainSingle().Which.Should().Be(new RuleCheck("kind-and-reason", false,
            "Store store-reseller takes goods back without a reason for a refund, not for an exchange: ask for a return and refund."));
    }

    [Fact]
    public void TheSameWindowAndIntactGoodsRule_AsTheNoReasonReturn_Apply()
    {
        Evaluate(Flagship, Delivered.AddDays(7).AddMinutes(1)).Failures.Single().Reason
            .Should().Be("The 7-day no-reason exchange window ended 2026-03-12.");
        Evaluate(Flagship, s_now, ConditionIssue.VisibleWear).Failures.Single().Rule.Should().Be("goods-intact");
    }

    [Fact]
    public void AStoreThatPaysNoReasonReturnShipping_PaysItForTheExchangeToo()
    {
        var generous = PolicyComposer.Compose(PlatformFloor.Default, JurisdictionPacks.China, China,
            FlagshipPolicy with { SellerPaysNoReasonReturnShipping = true }, RouterWarranty);

        var decision = Eligibility.Evaluate(new EligibilityQuery(RouterOrder(), "line-router", RequestKind.Exchange, RequestReason.NoReason,
            IncludedLineIds: ["line-gift"]), generous, s_now);

        decision.ReturnShippingPayer.Should().Be(ShippingPayer.Seller);
    }

    [Fact]
    public void ANoReasonExchange_GoesBackAndComesAsAReplacement_WithNoRefund()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.Exchange, RequestReason.NoReason), s_now);

        dispute.Approve(Flagship, s_now).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.AwaitingReturnShipment);
        dispute.ShipReturn(Buyer, new ShipmentDetails("SF Express", "SF1"), s_now.AddDays(1)).ShouldSucceed();
        dispute.ConfirmReceipt(Flagship, new ConditionReport(ConditionIssue.None, []), s_now.AddDays(2)).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.AwaitingReplacementShipment);
        dispute.ShipReplacement(Flagship, new ShipmentDetails("SF Express", "SF2"), s_now.AddDays(3)).ShouldSucceed();
        dispute.ConfirmReplacement(Buyer, s_now.AddDays(5)).ShouldSucceed();

        dispute.Closure.Should().Be(ClosureReason.Exchanged);
        dispute.Refund.Should().BeNull();
        dispute.Eligibility.ReturnShippingPayer.Should().Be(ShippingPayer.Buyer);
    }

    [Fact]
    public void PoliciesFrozenBeforeTheseRulesExisted_ReadAsNoExchangeAndRefusal()
    {
        var written = JsonSerializer.Serialize(PolicyFor(Reseller) with { NoReasonExchange = true }, DisputeJson.Options);
        var frozenBefore = Regex.Replace(written, ",\"(noReasonExchange|serialMismatch)\":[^,}]+", "");

        var read = JsonSerializer.Deserialize<EffectivePolicy>(frozenBefore, DisputeJson.Options)!;

        frozenBefore.Should().NotContain("noReasonExchange").And.NotContain("serialMismatch");
        read.NoReasonExchange.Should().BeFalse();
        read.SerialMismatch.Should().Be(SerialMismatchRule.Refuse);
    }
}
