using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Policies;

public class EligibilityTests
{
    private static Order SingleLine(ItemCategory categories, string store = Flagship, string? tag = null) =>
        RouterOrder(store) with
        {
            Lines = [new OrderLine("line-1", "SKU-1", "Item", categories, Amount.Of(10000, "CNY"), 1, Amount.Of(10000, "CNY"), PromotionTags: tag is null ? null : [tag])],
        };

    private static EligibilityDecision Evaluate(Order order, RequestKind kind, RequestReason reason, DateTimeOffset now,
        ConditionIssue condition = ConditionIssue.None, FaultCause? cause = null, bool proof = true, string lineId = "line-1", IReadOnlyList<string>? included = null) =>
        Eligibility.Evaluate(new EligibilityQuery(order, lineId, kind, reason, condition, cause, proof, included), PolicyFor(order.StoreId), now);

    private static RuleCheck Rule(EligibilityDecision decision, string rule) => decision.Trace.Single(c => c.Rule == rule);

    [Fact]
    public void ANoReasonReturn_WithinSevenDays_IsEligible_WithEveryRuleTraced()
    {
        var decision = Evaluate(SingleLine(ItemCategory.None), RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(7));

        decision.IsEligible.Should().BeTrue();
        decision.Trace.Select(c => c.Rule).Should().Equal(
            "order-line", "kind-and-reason", "shipment-status", "no-reason-window", "no-reason-exclusions", "goods-intact", "return-shipping");
        decision.Windows.Should().ContainSingle().Which.Should().Be(new EligibilityWindow("no-reason return (7 days from receipt)", Delivered.AddDays(7)));
        decision.ReturnShippingPayer.Should().Be(ShippingPayer.Buyer);
    }

    [Fact]
    public void ANoReasonReturn_AfterSevenDays_IsNotEligible()
    {
        var decision = Evaluate(SingleLine(ItemCategory.None), RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(7).AddMinutes(1));

        decision.IsEligible.Should().BeFalse();
        Rule(decision, "no-reason-window").Reason.Should().Be("The 7-day no-reason return window ended 2026-03-12.");
    }

    [Theory]
    [InlineData(ItemCategory.CustomMade, "custom made")]
    [InlineData(ItemCategory.Perishable, "perishable")]
    [InlineData(ItemCategory.DigitalDownload, "digital download")]
    [InlineData(ItemCategory.Periodical, "periodical")]
    [InlineData(ItemCategory.NonReturnableByAgreement, "non returnable by agreement")]
    public void EveryChinaPackExclusion_RefusesANoReasonReturn(ItemCategory category, string words)
    {
        var decision = Evaluate(SingleLine(category), RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(1));

        decision.IsEligible.Should().BeFalse();
        Rule(decision, "no-reason-exclusions").Reason.Should().StartWith($"No-reason returns exclude {words} (China pack");
    }

    [Fact]
    public void AudioVisualMediaAndSoftware_AreExcludedOnlyOnceUnsealed()
    {
        var order = SingleLine(ItemCategory.AudioVisualOrSoftware);

        Evaluate(order, RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(1)).IsEligible.Should().BeTrue();
        var unsealed = Evaluate(order, RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(1), ConditionIssue.Unsealed);
        Rule(unsealed, "no-reason-exclusions").Passed.Should().BeFalse();
    }

    [Fact]
    public void AnExclusion_DoesNotStopAQualityClaim()
    {
        Evaluate(SingleLine(ItemCategory.Perishable), RequestKind.ReturnAndRefund, RequestReason.Defective, Delivered.AddDays(1)).IsEligible.Should().BeTrue();
    }

    [Fact]
    public void OpeningToInspect_KeepsGoodsIntact()
    {
        var decision = Evaluate(SingleLine(ItemCategory.None), RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(1), ConditionIssue.OpenedForInspection);

        decision.IsEligible.Should().BeTrue();
        Rule(decision, "goods-intact").Reason.Should().Be("The goods are intact: opening them to inspect is allowed.");
    }

    [Theory]
    [InlineData(ConditionIssue.UnauthorisedRepair, "unauthorised repair")]
    [InlineData(ConditionIssue.SerialTampered, "serial tampered")]
    [InlineData(ConditionIssue.VisibleWear, "visible wear")]
    [InlineData(ConditionIssue.ActivationTraces, "activation traces")]
    public void GoodsThatAreNotIntact_CannotGoBackWithoutReason(ConditionIssue issue, string words)
    {
        var decision = Evaluate(SingleLine(ItemCategory.None), RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(1),
            issue | ConditionIssue.OpenedForInspection);

        decision.IsEligible.Should().BeFalse();
        Rule(decision, "goods-intact").Reason.Should().Be($"No-reason returns need intact goods, but these show: {words}.");
    }

    [Theory]
    [InlineData(7, RequestKind.ReturnAndRefund, true)]
    [InlineData(8, RequestKind.ReturnAndRefund, false)]
    [InlineData(8, RequestKind.Exchange, true)]
    [InlineData(15, RequestKind.Exchange, true)]
    [InlineData(16, RequestKind.Exchange, false)]
    [InlineData(16, RequestKind.Repair, true)]
    [InlineData(300, RequestKind.Repair, true)]
    public void TheThreeGuarantees_ReturnWithin7Days_ExchangeWithin15_RepairAfter(int daysAfterReceipt, RequestKind kind, bool eligible)
    {
        var decision = Evaluate(SingleLine(ItemCategory.Electronics), kind, RequestReason.Defective, Delivered.AddDays(daysAfterReceipt));

        Rule(decision, "three-guarantees").Passed.Should().Be(eligible);
        decision.IsEligible.Should().Be(eligible);
        decision.Windows.Select(w => w.EndsAt).Should().Contain([Delivered.AddDays(7), Delivered.AddDays(15)]);
    }

    [Fact]
    public void TheThreeGuarantees_ExplainWhatIsLeft()
    {
        var decision = Evaluate(SingleLine(ItemCategory.Electronics), RequestKind.ReturnAndRefund, RequestReason.Defective, Delivered.AddDays(10));

        Rule(decision, "three-guarantees").Reason.Should().Be("A fault 10 days after receipt allows an exchange or a repair (return only within 7 days).");
    }

    [Fact]
    public void TheWarranty_RunsFromTheInvoiceDate_ForTheRegionsMonths()
    {
        var chinese = RouterOrder(Flagship) with { InvoiceDate = new DateOnly(2025, 1, 10) };
        var german = RouterOrder(GermanStore) with { InvoiceDate = new DateOnly(2025, 1, 10) };
        var now = new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero);

        var inChina = Evaluate(chinese, RequestKind.Repair, RequestReason.Defective, now, lineId: "line-router");
        var inGermany = Evaluate(german, RequestKind.Repair, RequestReason.Defective, now, lineId: "line-router");

        inChina.WarrantyCovered.Should().BeFalse("24 months from 10 January 2025 ended on 10 January 2027");
        Rule(inChina, "warranty").Reason.Should().StartWith("Not covered: the 24-month warranty ended 2027-01-10");
        inGermany.WarrantyCovered.Should().BeTrue("36 months in Germany");
        inGermany.Windows.Should().Contain(new EligibilityWindow("warranty (36 months from the invoice date)", new DateTimeOffset(2028, 1, 10, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TheWarranty_AddsStoreMonthsAndExtendedWarranty()
    {
        var extended = RouterOrder(Flagship) with
        {
            InvoiceDate = new DateOnly(2025, 1, 10),
            Lines = [RouterOrder().Lines[0] with { ExtendedWarrantyMonths = 12 }],
        };

        var decision = Evaluate(extended, RequestKind.Repair, RequestReason.Defective, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), lineId: "line-router");

        decision.WarrantyCovered.Should().BeTrue();
    }

    [Theory]
    [InlineData(FaultCause.PhysicalDamage, "physical damage")]
    [InlineData(FaultCause.LiquidDamage, "liquid damage")]
    [InlineData(FaultCause.Misuse, "misuse")]
    [InlineData(FaultCause.UnauthorisedRepair, "unauthorised repair")]
    public void TheWarranty_ExcludesDamageMisuseAndUnauthorisedRepair_ButTheRepairCanStillBePaidFor(FaultCause cause, string words)
    {
        var decision = Evaluate(RouterOrder(), RequestKind.Repair, RequestReason.Defective, Delivered.AddDays(30), cause: cause, lineId: "line-router");

        decision.IsEligible.Should().BeTrue();
        decision.WarrantyCovered.Should().BeFalse();
        Rule(decision, "warranty").Reason.Should().Contain($"{words} is excluded from the warranty");
    }

    [Fact]
    public void OnSiteService_BoughtWithTheItem_IsShownInTheTrace()
    {
        var order = RouterOrder() with { Lines = [RouterOrder().Lines[0] with { OnSiteService = true }] };
        var policy = PolicyComposer.Compose(PlatformFloor.Default, JurisdictionPacks.China, China, FlagshipPolicy, RouterWarranty with { OnSiteServiceAvailable = true });

        var decision = Eligibility.Evaluate(new EligibilityQuery(order, "line-router", RequestKind.Repair, RequestReason.Defective, HasProofOfPurchase: true), policy, Delivered.AddDays(30));

        Rule(decision, "on-site-service").Passed.Should().BeTrue();
        Evaluate(RouterOrder(), RequestKind.Repair, RequestReason.Defective, Delivered.AddDays(30), lineId: "line-router").Trace
            .Should().NotContain(c => c.Rule == "on-site-service");
    }

    [Fact]
    public void TheWarranty_NeedsProofOfPurchase()
    {
        var decision = Evaluate(RouterOrder(), RequestKind.Repair, RequestReason.Defective, Delivered.AddDays(30), proof: false, lineId: "line-router");

        decision.WarrantyCovered.Should().BeFalse();
        Rule(decision, "warranty").Reason.Should().Contain("the warranty needs proof of purchase");
    }

    [Fact]
    public void TheEuPack_Allows14DaysWithdrawal_AndTheStoreExtendsItTo30()
    {
        var order = RouterOrder(GermanStore);

        Evaluate(order, RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(25), lineId: "line-cable").IsEligible.Should().BeTrue();
        var late = Evaluate(order, RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(31), lineId: "line-cable");
        Rule(late, "no-reason-window").Reason.Should().Be("The 30-day no-reason return window ended 2026-04-04.");
        late.Trace.Should().NotContain(c => c.Rule == "goods-intact", "the EU does not require intact goods for withdrawal");
    }

    [Fact]
    public void TheEuPack_GivesATwoYearLegalGuaranteeForFaults()
    {
        var order = RouterOrder(GermanStore);

        Evaluate(order, RequestKind.ReturnAndRefund, RequestReason.Defective, Delivered.AddMonths(23), lineId: "line-router", included: ["line-gift"])
            .IsEligible.Should().BeTrue();
        var expired = Evaluate(order, RequestKind.ReturnAndRefund, RequestReason.Defective, Delivered.AddMonths(25), lineId: "line-router", included: ["line-gift"]);
        Rule(expired, "legal-guarantee").Reason.Should().Be("The 24-month legal guarantee ended 2028-03-05; only a paid repair remains.");
    }

    [Fact]
    public void ClearanceItems_AtAStoreWithThatRule_CanBeExchangedButNotRefunded()
    {
        var order = SingleLine(ItemCategory.None, Reseller, tag: "clearance");

        var refund = Evaluate(order, RequestKind.ReturnAndRefund, RequestReason.Defective, Delivered.AddDays(1));
        var exchange = Evaluate(order, RequestKind.Exchange, RequestReason.Defective, Delivered.AddDays(1));

        Rule(refund, "clearance-exchange-only").Reason.Should().Be("Clearance items can be exchanged, not returned for a refund (store policy).");
        refund.IsEligible.Should().BeFalse();
        exchange.IsEligible.Should().BeTrue();
    }

    [Fact]
    public void AFreeGift_MustComeBackWithItsMainItem()
    {
        var order = RouterOrder();

        var withoutGift = Evaluate(order, RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(1), lineId: "line-router", included: []);
        var withGift = Evaluate(order, RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(1), lineId: "line-router", included: ["line-gift"]);
        var giftAlone = Evaluate(order, RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered.AddDays(1), lineId: "line-gift");

        Rule(withoutGift, "gift-with-main-item").Reason.Should().Be("The free gift (line line-gift) must come back with the item.");
        withGift.IsEligible.Should().BeTrue();
        Rule(giftAlone, "gift-with-main-item").Reason.Should().Be("A free gift comes back with the item it came with: return line line-router instead, with this gift included.");
    }

    [Theory]
    [InlineData(RequestKind.Repair, RequestReason.NoReason)]
    [InlineData(RequestKind.Exchange, RequestReason.NotShipped)]
    [InlineData(RequestKind.RefundOnly, RequestReason.WrongSize)]
    public void AKindThatDoesNotFitTheReason_IsRefused(RequestKind kind, RequestReason reason)
    {
        Rule(Evaluate(RouterOrder(), kind, reason, Delivered.AddDays(1), lineId: "line-cable"), "kind-and-reason").Passed.Should().BeFalse();
    }

    [Fact]
    public void NotShippedAndNotReceived_AreCheckedAgainstTheOrder()
    {
        var shipped = RouterOrder();
        var inTransit = RouterOrder() with { DeliveredAt = null };

        Rule(Evaluate(shipped, RequestKind.RefundOnly, RequestReason.NotShipped, Delivered, lineId: "line-cable"), "shipment-status").Reason
            .Should().Be("The order shipped on 2026-03-03.");
        Evaluate(inTransit, RequestKind.RefundOnly, RequestReason.NotReceived, Delivered.AddDays(9), lineId: "line-cable").IsEligible.Should().BeTrue();
        Rule(Evaluate(shipped, RequestKind.RefundOnly, RequestReason.NotReceived, Delivered, lineId: "line-cable"), "shipment-status").Passed.Should().BeFalse();
    }

    [Fact]
    public void AnUnknownLine_StopsTheEvaluationAtOnce()
    {
        var decision = Evaluate(RouterOrder(), RequestKind.ReturnAndRefund, RequestReason.NoReason, Delivered, lineId: "nope");

        decision.Trace.Should().ContainSingle().Which.Should().Be(new RuleCheck("order-line", false, "Order order-1 has no line nope."));
    }
}
