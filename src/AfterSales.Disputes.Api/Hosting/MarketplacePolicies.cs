using AfterSales.Disputes.Application.Policies;
using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// The policies this host applies: the China and EU packs with their regions' calendars, and the stores and
/// brand warranty of the demo marketplace. A platform deploying the host replaces this with its own stores.
/// </summary>
internal static class MarketplacePolicies
{
    public const string Flagship = "store-linkwave-flagship";
    public const string Reseller = "store-netgear-hub";
    public const string ServiceCenter = "sc-linkwave-shenzhen";

    public static BrandWarranty Linkwave { get; } = new(
        Brand: "Linkwave",
        Version: "w3",
        MonthsByRegion: new Dictionary<string, int> { ["CN"] = 24, ["DE"] = 36 },
        DefaultMonths: 12,
        ExcludedCauses: BrandWarranty.StandardExclusions,
        ProofOfPurchaseRequired: true,
        ServiceCenterId: ServiceCenter,
        OnSiteServiceAvailable: true);

    public static void Configure(PolicyCatalog catalog) => catalog
        .AddRegion(JurisdictionPacks.China, new BusinessCalendar("CN", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .WithHolidayPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7)))
        .AddRegion(JurisdictionPacks.EuropeanUnion, new BusinessCalendar("DE", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")))
        .AddStore(new StorePolicy(Flagship, "v1", StoreType.OfficialFlagship, NoReasonReturnDays: 15, NoReasonExchange: true,
            ReturnPostageCap: Amount.Of(2000, "CNY")))
        .AddStore(new StorePolicy(Reseller, "v1", StoreType.AuthorisedReseller, ClearanceExchangeOnly: true, SerialMismatch: SerialMismatchRule.Flag))
        .AddWarranty(Linkwave);
}
