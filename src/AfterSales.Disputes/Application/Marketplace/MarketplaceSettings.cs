using System.Text.Json.Serialization;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Application.Marketplace;

/// <summary>
/// A marketplace's configuration as data: its regions (jurisdiction pack, time zone, weekend), their business
/// calendars per year, its stores' policies and its brands' warranties. The same shape is read back, posted as a
/// change, and imported from a file; in a change every list may be left out, and each entry adds or replaces one.
/// </summary>
/// <param name="Regions">Regions, each with its jurisdiction pack.</param>
/// <param name="Calendars">Holidays and make-up working days, per region and year.</param>
/// <param name="Stores">Store policies.</param>
/// <param name="Warranties">Brand warranties.</param>
/// <param name="Governance">How the platform supervises its stores: penalty rules, the periodic assessment, the restricted policy.</param>
public sealed record MarketplaceSettings(
    IReadOnlyList<RegionSetting>? Regions = null,
    IReadOnlyList<CalendarSetting>? Calendars = null,
    IReadOnlyList<StoreSetting>? Stores = null,
    IReadOnlyList<WarrantySetting>? Warranties = null,
    GovernanceSetting? Governance = null)
{
    /// <summary>No configuration.</summary>
    public static MarketplaceSettings Empty { get; } = new([], [], [], []);

    /// <summary>Every entry, with its kind and key.</summary>
    [JsonIgnore]
    public IEnumerable<IMarketplaceSetting> Entries =>
        ((IEnumerable<IMarketplaceSetting>?)Regions ?? []).Concat(Calendars ?? []).Concat(Stores ?? []).Concat(Warranties ?? [])
            .Concat(Governance is null ? [] : [Governance]);

    /// <summary>These settings with <paramref name="changes"/> added or replacing the entries of the same kind and key.</summary>
    public MarketplaceSettings With(IEnumerable<IMarketplaceSetting> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var entries = Entries.ToDictionary(entry => (entry.Kind, entry.Key));
        foreach (var change in changes)
        {
            entries[(change.Kind, change.Key)] = change;
        }

        return From(entries.Values);
    }

    /// <summary>Settings holding <paramref name="entries"/>, each list in key order.</summary>
    public static MarketplaceSettings From(IEnumerable<IMarketplaceSetting> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = entries.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();
        return new([.. ordered.OfType<RegionSetting>()], [.. ordered.OfType<CalendarSetting>()], [.. ordered.OfType<StoreSetting>()],
            [.. ordered.OfType<WarrantySetting>()], ordered.OfType<GovernanceSetting>().SingleOrDefault());
    }
}

/// <summary>What a marketplace setting configures.</summary>
public enum MarketplaceSettingKind
{
    /// <summary>A region: its jurisdiction pack, time zone and weekend.</summary>
    Region,

    /// <summary>A region's holidays and make-up working days in one year.</summary>
    Calendar,

    /// <summary>A store's policy.</summary>
    Store,

    /// <summary>A brand's warranty.</summary>
    Warranty,

    /// <summary>The platform's governance of its stores.</summary>
    Governance,
}

/// <summary>One entry of the marketplace configuration, stored and versioned on its own.</summary>
public interface IMarketplaceSetting
{
    /// <summary>What it configures.</summary>
    MarketplaceSettingKind Kind { get; }

    /// <summary>What names it within its kind: the region, <c>region/year</c>, the store, the brand, or <c>platform</c> for governance.</summary>
    string Key { get; }

    /// <summary>
    /// The stored revision (1 for the first). In a change, the revision it was read at: a change made from an
    /// older revision than the current one is refused as a conflict; leave it out to replace whatever is there.
    /// </summary>
    int? Revision { get; }

    /// <summary>This entry at <paramref name="revision"/>.</summary>
    IMarketplaceSetting AtRevision(int? revision);
}

/// <summary>A region: the jurisdiction pack whose rules apply there, and the wall clock and weekend its business days follow.</summary>
/// <param name="Region">The region code orders carry, such as <c>CN</c> or <c>DE</c>.</param>
/// <param name="Pack">The jurisdiction pack by name (<see cref="JurisdictionPacks.All"/>): <c>China</c> or <c>EU</c>.</param>
/// <param name="TimeZone">An IANA time zone, such as <c>Asia/Shanghai</c>.</param>
/// <param name="WeekendDays">Days of the week not worked; Saturday and Sunday when left out.</param>
/// <param name="Revision">See <see cref="IMarketplaceSetting.Revision"/>.</param>
public sealed record RegionSetting(string Region, string Pack, string TimeZone, IReadOnlyList<DayOfWeek>? WeekendDays = null, int? Revision = null)
    : IMarketplaceSetting
{
    /// <inheritdoc/>
    [JsonIgnore]
    public MarketplaceSettingKind Kind => MarketplaceSettingKind.Region;

    /// <inheritdoc/>
    [JsonIgnore]
    public string Key => Region;

    /// <inheritdoc/>
    public IMarketplaceSetting AtRevision(int? revision) => this with { Revision = revision };
}

/// <summary>A region's calendar for one year: its public holidays and the weekend days worked to make up for them.</summary>
/// <param name="Region">A configured region.</param>
/// <param name="Year">The year every date falls in.</param>
/// <param name="Holidays">Dates not worked, even on weekdays.</param>
/// <param name="MakeUpWorkingDays">Weekend dates that are worked (调休), such as China's around its long holidays.</param>
/// <param name="Revision">See <see cref="IMarketplaceSetting.Revision"/>.</param>
public sealed record CalendarSetting(string Region, int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays, int? Revision = null)
    : IMarketplaceSetting
{
    /// <inheritdoc/>
    [JsonIgnore]
    public MarketplaceSettingKind Kind => MarketplaceSettingKind.Calendar;

    /// <inheritdoc/>
    [JsonIgnore]
    public string Key => $"{Region}/{Year}";

    /// <inheritdoc/>
    public IMarketplaceSetting AtRevision(int? revision) => this with { Revision = revision };
}

/// <summary>
/// A store's after-sales policy, as <see cref="StorePolicy"/> without its version, which the platform assigns
/// (<c>v</c> and the revision). Every value may only be more generous to the buyer than the platform floor and the
/// packs of the configured regions.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="StoreType">Flagship, authorised reseller or third party.</param>
/// <param name="NoReasonReturnDays">A longer no-reason return window, or null for the floor's.</param>
/// <param name="ExtraWarrantyMonths">Months the store adds to the brand warranty.</param>
/// <param name="SellerResponseHours">A shorter promise to answer requests (before shipment), or null for the floor's.</param>
/// <param name="ReturnShipmentDays">More days for buyers to ship returns, or null for the floor's.</param>
/// <param name="SellerPaysNoReasonReturnShipping">Whether the store pays return shipping even for no-reason returns.</param>
/// <param name="ClearanceExchangeOnly">Items tagged <c>clearance</c> can be exchanged, not returned for a refund.</param>
/// <param name="GiftsReturnWithMainItem">A free gift must come back with the item it came with.</param>
/// <param name="NoReasonExchange">Whether the store exchanges without a reason too (七天无理由退换货).</param>
/// <param name="SerialMismatch">What a request whose serial number is not the order line's gets.</param>
/// <param name="ReturnPostageCap">The most the store reimburses of postage a buyer paid for a return the store pays for.</param>
/// <param name="Regions">
/// The regions the store sells in, whose packs its policy is checked against; every configured region when left out.
/// A request on an order from another region finds no policy.
/// </param>
/// <param name="Revision">See <see cref="IMarketplaceSetting.Revision"/>.</param>
public sealed record StoreSetting(
    string StoreId,
    StoreType StoreType,
    int? NoReasonReturnDays = null,
    int ExtraWarrantyMonths = 0,
    int? SellerResponseHours = null,
    int? ReturnShipmentDays = null,
    bool SellerPaysNoReasonReturnShipping = false,
    bool ClearanceExchangeOnly = false,
    bool GiftsReturnWithMainItem = true,
    bool NoReasonExchange = false,
    SerialMismatchRule SerialMismatch = SerialMismatchRule.Refuse,
    Amount? ReturnPostageCap = null,
    IReadOnlyList<string>? Regions = null,
    int? Revision = null) : IMarketplaceSetting
{
    /// <inheritdoc/>
    [JsonIgnore]
    public MarketplaceSettingKind Kind => MarketplaceSettingKind.Store;

    /// <inheritdoc/>
    [JsonIgnore]
    public string Key => StoreId;

    /// <inheritdoc/>
    public IMarketplaceSetting AtRevision(int? revision) => this with { Revision = revision };

    /// <summary>Whether the store sells in <paramref name="region"/>.</summary>
    public bool SellsIn(string region) => Regions is null || Regions.Contains(region, StringComparer.Ordinal);

    /// <summary>The store's policy, versioned by its revision (<c>v1</c> before it is stored).</summary>
    public StorePolicy ToPolicy() => new(StoreId, $"v{Revision ?? 1}", StoreType, NoReasonReturnDays, ExtraWarrantyMonths, SellerResponseHours,
        ReturnShipmentDays, SellerPaysNoReasonReturnShipping, ClearanceExchangeOnly, GiftsReturnWithMainItem, NoReasonExchange, SerialMismatch,
        ReturnPostageCap);
}

/// <summary>
/// A brand's warranty, as <see cref="BrandWarranty"/> without its version, which the platform assigns (<c>w</c> and the revision).
/// </summary>
/// <param name="Brand">The brand, as order lines name it.</param>
/// <param name="MonthsByRegion">Warranty months per region code.</param>
/// <param name="DefaultMonths">Months in regions not listed.</param>
/// <param name="ServiceCenterId">The service center repairs are sent to.</param>
/// <param name="ExcludedCauses">Fault causes not covered; the usual four (<see cref="BrandWarranty.StandardExclusions"/>) when left out.</param>
/// <param name="ProofOfPurchaseRequired">Whether a warranty claim needs proof of purchase.</param>
/// <param name="OnSiteServiceAvailable">Whether on-site service can be bought as an add-on.</param>
/// <param name="ExtendedWarrantyOptions">The extended warranties on sale, in months added (such as 12 and 24); none when left out.</param>
/// <param name="Revision">See <see cref="IMarketplaceSetting.Revision"/>.</param>
public sealed record WarrantySetting(
    string Brand,
    IReadOnlyDictionary<string, int> MonthsByRegion,
    int DefaultMonths,
    string ServiceCenterId,
    IReadOnlyList<FaultCause>? ExcludedCauses = null,
    bool ProofOfPurchaseRequired = true,
    bool OnSiteServiceAvailable = false,
    IReadOnlyList<int>? ExtendedWarrantyOptions = null,
    int? Revision = null) : IMarketplaceSetting
{
    /// <inheritdoc/>
    [JsonIgnore]
    public MarketplaceSettingKind Kind => MarketplaceSettingKind.Warranty;

    /// <inheritdoc/>
    [JsonIgnore]
    public string Key => Brand;

    /// <inheritdoc/>
    public IMarketplaceSetting AtRevision(int? revision) => this with { Revision = revision };

    /// <summary>The brand's warranty, versioned by its revision (<c>w1</c> before it is stored).</summary>
    public BrandWarranty ToWarranty() => new(Brand, $"w{Revision ?? 1}", MonthsByRegion, DefaultMonths,
        ExcludedCauses ?? BrandWarranty.StandardExclusions, ProofOfPurchaseRequired, ServiceCenterId, OnSiteServiceAvailable)
    {
        ExtendedWarrantyOptions = [.. (ExtendedWarrantyOptions ?? []).Distinct().Order()],
    };
}

/// <summary>
/// How the platform supervises its stores: the points each rule incurs and how long they count, how stores are assessed
/// each period, and what a restricted store's new cases follow. One setting for the whole marketplace (key
/// <c>platform</c>); each part left out keeps its defaults. Its version is <c>g</c> and the revision.
/// </summary>
/// <param name="Penalties">Penalty rules, frozen into each case opened after the change.</param>
/// <param name="Assessment">The periodic assessment's period, time zone and thresholds.</param>
/// <param name="Restricted">The stricter policy of a restricted store's new cases.</param>
/// <param name="Revision">See <see cref="IMarketplaceSetting.Revision"/>.</param>
public sealed record GovernanceSetting(
    PenaltyRules? Penalties = null,
    Merchants.AssessmentRules? Assessment = null,
    Merchants.RestrictedPolicy? Restricted = null,
    int? Revision = null) : IMarketplaceSetting
{
    /// <summary>The key of the one governance setting.</summary>
    public const string PlatformKey = "platform";

    /// <summary>The defaults, before the platform sets any.</summary>
    public static GovernanceSetting Default { get; } = new();

    /// <inheritdoc/>
    [JsonIgnore]
    public MarketplaceSettingKind Kind => MarketplaceSettingKind.Governance;

    /// <inheritdoc/>
    [JsonIgnore]
    public string Key => PlatformKey;

    /// <summary>Its version, such as <c>g3</c> (<c>g0</c> for the defaults).</summary>
    [JsonIgnore]
    public string Version => $"g{Revision ?? 0}";

    /// <summary>The penalty rules in force.</summary>
    [JsonIgnore]
    public PenaltyRules PenaltyRules => Penalties ?? PenaltyRules.Default;

    /// <summary>The assessment rules in force.</summary>
    [JsonIgnore]
    public Merchants.AssessmentRules AssessmentRules => Assessment ?? Merchants.AssessmentRules.Default;

    /// <summary>The restricted policy in force.</summary>
    [JsonIgnore]
    public Merchants.RestrictedPolicy RestrictedPolicy => Restricted ?? Merchants.RestrictedPolicy.Default;

    /// <inheritdoc/>
    public IMarketplaceSetting AtRevision(int? revision) => this with { Revision = revision };
}

/// <summary>One stored revision of a setting: who changed what, when.</summary>
/// <param name="Kind">What it configures.</param>
/// <param name="Key">Which one.</param>
/// <param name="Revision">Its revision, 1 for the first.</param>
/// <param name="ChangedAt">When it was stored.</param>
/// <param name="ChangedBy">The platform user who changed it (the token's subject), or <c>import</c> for a file imported at start.</param>
public sealed record MarketplaceChange(MarketplaceSettingKind Kind, string Key, int Revision, DateTimeOffset ChangedAt, string ChangedBy);
