using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Marketplace;
using AfterSales.Disputes.Application.Policies;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;

namespace AfterSales.Disputes.Tests.Policies;

/// <summary>The catalog's two layers, code and the stored configuration, and the rules a stored configuration must keep.</summary>
public class PolicyCatalogTests
{
    private static PolicyCatalog CodeConfigured() => new PolicyCatalog()
        .AddRegion(JurisdictionPacks.China, Marketplace.China)
        .AddStore(Marketplace.FlagshipPolicy);

    [Fact]
    public void TheStoredConfiguration_WinsOverCode_AndAStoreSellsOnlyInItsRegions()
    {
        var catalog = CodeConfigured();

        catalog.UseStored(new StoredMarketplace(new MarketplaceSettings(
            Regions: [new RegionSetting("DE", "EU", "Europe/Berlin")],
            Stores: [new StoreSetting(Marketplace.Flagship, StoreType.OfficialFlagship, NoReasonReturnDays: 30, Regions: ["CN"], Revision: 3)]), Revisions: 2));

        catalog.ForStore(Marketplace.Flagship, "CN")!.Should().Match<EffectivePolicy>(p => p.NoReasonReturnDays == 30 && p.Version.EndsWith("-v3", StringComparison.Ordinal));
        catalog.ForStore(Marketplace.Flagship, "DE").Should().BeNull("the stored store sells in China only");
    }

    [Fact]
    public void AnOlderStoredConfiguration_DoesNotReplaceANewerOne()
    {
        var catalog = CodeConfigured();
        var newer = new StoredMarketplace(new MarketplaceSettings(Stores: [new StoreSetting("store-x", StoreType.ThirdParty, NoReasonReturnDays: 20, Revision: 2)]), 5);
        var older = new StoredMarketplace(new MarketplaceSettings(Stores: [new StoreSetting("store-x", StoreType.ThirdParty, NoReasonReturnDays: 10, Revision: 1)]), 4);

        catalog.UseStored(newer);
        catalog.UseStored(older);

        catalog.Stored.Should().BeSameAs(newer);
        catalog.ForStore("store-x", "CN")!.NoReasonReturnDays.Should().Be(20);
    }

    [Fact]
    public void Problems_NameEachSettingAndRule()
    {
        var problems = CodeConfigured().Problems(new MarketplaceSettings(
            Stores: [new StoreSetting("store-y", StoreType.ThirdParty, Regions: ["XX"])],
            Warranties: [new WarrantySetting("Acme", new Dictionary<string, int> { ["CN"] = -1 }, 12, "sc-acme", ExtendedWarrantyOptions: [0, 12])]));

        problems.Should().BeEquivalentTo(new[]
        {
            new ValidationError("stores/store-y", "Rule 'store regions': region XX is not configured."),
            new ValidationError("warranties/Acme", "Rule 'warranty months': a warranty cannot last a negative number of months."),
            new ValidationError("warranties/Acme", "Rule 'extended warranty': an extended warranty adds from 1 to 120 months."),
        });
    }
}
