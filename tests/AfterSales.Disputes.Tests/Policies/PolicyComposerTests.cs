using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Policies;

public class PolicyComposerTests
{
    [Fact]
    public void Compose_LayersFloorPackWarrantyAndStore_AndNamesEveryPartInTheVersion()
    {
        var policy = PolicyFor(Flagship);

        policy.Version.Should().Be("floor-1+cn-2025.1+Linkwave-w3+store-flagship-v1");
        policy.NoReasonReturnDays.Should().Be(7);
        policy.NoReasonReturnShippingPayer.Should().Be(ShippingPayer.Buyer);
        policy.FaultReturnDays.Should().Be(7);
        policy.FaultExchangeDays.Should().Be(15);
        policy.SellerResponse(shipped: false).Should().Be(DeadlineSpan.Hours(48));
        policy.SellerResponse(shipped: true).Should().Be(DeadlineSpan.Days(5));
        policy.RepairReview.Should().Be(DeadlineSpan.BusinessDays(2, China));
    }

    [Fact]
    public void Compose_AStoreMayBeMoreGenerousThanTheFloor()
    {
        var generous = new StorePolicy("store-x", "v7", StoreType.ThirdParty, NoReasonReturnDays: 15, ExtraWarrantyMonths: 6,
            SellerResponseHours: 24, ReturnShipmentDays: 10, SellerPaysNoReasonReturnShipping: true);

        var policy = PolicyComposer.Compose(PlatformFloor.Default, JurisdictionPacks.China, China, generous, RouterWarranty);

        policy.NoReasonReturnDays.Should().Be(15);
        policy.ExtraWarrantyMonths.Should().Be(6);
        policy.Windows.SellerResponseBeforeShipment.Should().Be(DeadlineSpan.Hours(24));
        policy.Windows.ReturnShipment.Should().Be(DeadlineSpan.Days(10));
        policy.NoReasonReturnShippingPayer.Should().Be(ShippingPayer.Seller);
    }

    [Fact]
    public void Compose_RejectsAStoreBelowTheFloor_NamingEachRule()
    {
        var stingy = new StorePolicy("store-x", "v1", StoreType.ThirdParty, NoReasonReturnDays: 5, ExtraWarrantyMonths: -3,
            SellerResponseHours: 72, ReturnShipmentDays: 3);

        var compose = () => PolicyComposer.Compose(PlatformFloor.Default, JurisdictionPacks.China, China, stingy);

        compose.Should().Throw<PolicyViolationException>().Which.Problems.Should().Equal(
            "Rule 'no-reason return window': the store offers 5 days, below the minimum of 7 days (China pack: Consumer Protection Law art. 25, online trading rules, three-guarantees rules).",
            "Rule 'warranty': the store cannot shorten the brand warranty (-3 months).",
            "Rule 'seller response time': the store promises 72 h, but must answer within 48 h (platform floor floor-1).",
            "Rule 'return shipment window': the store gives buyers 3 days, below the floor's 7 days (platform floor floor-1).");
    }

    [Fact]
    public void Check_UsesTheStricterOfFloorAndPack()
    {
        var sevenDays = new StorePolicy("store-x", "v1", StoreType.ThirdParty, NoReasonReturnDays: 7);

        PolicyComposer.Check(sevenDays, PlatformFloor.Default, JurisdictionPacks.China).Should().BeEmpty();
        PolicyComposer.Check(sevenDays, PlatformFloor.Default, JurisdictionPacks.EuropeanUnion).Should().ContainSingle()
            .Which.Should().StartWith("Rule 'no-reason return window': the store offers 7 days, below the minimum of 14 days (EU pack");
        PolicyComposer.Check(sevenDays, PlatformFloor.Default with { MinimumNoReasonReturnDays = 10 }, JurisdictionPacks.China).Should().ContainSingle()
            .Which.Should().EndWith("below the minimum of 10 days (platform floor floor-1).");
    }

    [Fact]
    public void AFrozenPolicy_IsNotRewrittenByLaterChanges()
    {
        var order = RouterOrder();
        var dispute = Open(order, Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399)), Delivered.AddDays(1));
        var later = PolicyComposer.Compose(PlatformFloor.Default with { Version = "floor-2" }, JurisdictionPacks.China, China, FlagshipPolicy with { Version = "v2", NoReasonReturnDays = 30 });

        later.Version.Should().NotBe(dispute.Policy.Version);
        dispute.Policy.Version.Should().Be("floor-1+cn-2025.1+Linkwave-w3+store-flagship-v1");
        dispute.Policy.NoReasonReturnDays.Should().Be(7);
    }
}
