using System.Collections.Concurrent;
using System.Globalization;
using AfterSales.Disputes.Application.Marketplace;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Application.Policies;

/// <summary>
/// The policies the engine applies: the platform floor, a jurisdiction pack and a business calendar per region, a
/// policy per store and a warranty per brand. They come from two places: code (<see cref="AddRegion"/>,
/// <see cref="AddStore"/>, <see cref="AddWarranty"/>, checked when added, so a policy below the floor is refused at
/// start-up) and the marketplace's stored configuration (<see cref="UseStored"/>), which a platform changes while the
/// host runs and which wins where both name the same region, store or brand.
/// </summary>
public sealed class PolicyCatalog : IPolicyCatalog
{
    private static readonly IReadOnlyList<DayOfWeek> s_weekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly ConcurrentDictionary<string, (JurisdictionPack Pack, BusinessCalendar Calendar)> _regions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StorePolicy> _stores = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BrandWarranty> _warranties = new(StringComparer.OrdinalIgnoreCase);
    private StoredLayer _stored = StoredLayer.From(new StoredMarketplace(MarketplaceSettings.Empty, 0));

    /// <summary>The platform floor.</summary>
    public PlatformFloor Floor { get; private set; } = PlatformFloor.Default;

    /// <summary>The stored configuration in use, and how many revisions it was read from.</summary>
    public StoredMarketplace Stored => Volatile.Read(ref _stored).Source;

    /// <summary>Replaces the platform floor.</summary>
    public PolicyCatalog UseFloor(PlatformFloor floor)
    {
        Floor = floor ?? throw new ArgumentNullException(nameof(floor));
        return this;
    }

    /// <summary>Adds a region with its jurisdiction pack and business calendar (the calendar's region names it).</summary>
    public PolicyCatalog AddRegion(JurisdictionPack pack, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(calendar);
        _regions[calendar.Region] = (pack, calendar);
        return this;
    }

    /// <summary>Adds (or replaces) a store's policy.</summary>
    /// <exception cref="PolicyViolationException">The policy is below the floor or a configured region's pack.</exception>
    public PolicyCatalog AddStore(StorePolicy store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var problems = _regions.Values.SelectMany(region => PolicyComposer.Check(store, Floor, region.Pack)).Distinct().ToList();
        if (problems.Count > 0)
        {
            throw new PolicyViolationException(store.StoreId, problems);
        }

        _stores[store.StoreId] = store;
        return this;
    }

    /// <summary>Adds (or replaces) a brand's warranty.</summary>
    public PolicyCatalog AddWarranty(BrandWarranty warranty)
    {
        ArgumentNullException.ThrowIfNull(warranty);
        _warranties[warranty.Brand] = warranty;
        return this;
    }

    /// <summary>
    /// Uses <paramref name="stored"/> as the marketplace's stored configuration, unless the one in use was read from more
    /// revisions (a slower reader must not bring back an older configuration). Cases already open keep the policy they froze.
    /// </summary>
    public void UseStored(StoredMarketplace stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var layer = StoredLayer.From(stored);
        var current = Volatile.Read(ref _stored);
        while (stored.Revisions >= current.Source.Revisions)
        {
            var seen = Interlocked.CompareExchange(ref _stored, layer, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>
    /// Every reason <paramref name="proposed"/> cannot be the marketplace's stored configuration, each naming its setting
    /// (<c>stores/store-1</c>) and the rule; empty when it can. Stores are checked against the floor and the pack of every
    /// region, those configured in code included.
    /// </summary>
    public IReadOnlyList<ValidationError> Problems(MarketplaceSettings proposed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var errors = new List<ValidationError>();
        var packs = new Dictionary<string, JurisdictionPack>(StringComparer.Ordinal);
        var weekends = new Dictionary<string, IReadOnlyList<DayOfWeek>>(StringComparer.Ordinal);
        foreach (var (name, (pack, calendar)) in _regions)
        {
            (packs[name], weekends[name]) = (pack, [.. calendar.WeekendDays]);
        }

        foreach (var region in proposed.Regions ?? [])
        {
            var field = $"regions/{region.Region}";
            Require(errors, field, "region", region.Region);
            if (JurisdictionPacks.Named(region.Pack) is { } pack)
            {
                packs[region.Region ?? ""] = pack;
            }
            else
            {
                errors.Add(new(field, $"Rule 'jurisdiction pack': {region.Pack} is not a pack; choose one of {string.Join(", ", JurisdictionPacks.All.Select(p => p.Name))}."));
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(region.TimeZone ?? "", out _))
            {
                errors.Add(new(field, $"Rule 'time zone': {region.TimeZone} is not a time zone; use an IANA name such as Asia/Shanghai."));
            }

            var weekend = region.WeekendDays ?? s_weekend;
            if (weekend.Any(day => !Enum.IsDefined(day)) || weekend.Distinct().Count() >= 7)
            {
                errors.Add(new(field, "Rule 'weekend': a week needs at least one working day, and weekend days are Monday to Sunday."));
            }

            weekends[region.Region ?? ""] = weekend;
        }

        foreach (var calendar in proposed.Calendars ?? [])
        {
            var field = $"calendars/{calendar.Key}";
            if (!weekends.TryGetValue(calendar.Region ?? "", out var weekend))
            {
                errors.Add(new(field, $"Rule 'calendar region': region {calendar.Region} is not configured; add the region first (or in the same change)."));
                continue;
            }

            var dates = (calendar.Holidays ?? []).Concat(calendar.MakeUpWorkingDays ?? []).ToList();
            if (dates.Where(date => date.Year != calendar.Year).Select(Day).ToList() is { Count: > 0 } outside)
            {
                errors.Add(new(field, $"Rule 'calendar year': {string.Join(", ", outside)} not in {calendar.Year}."));
            }

            if ((calendar.Holidays ?? []).Intersect(calendar.MakeUpWorkingDays ?? []).Select(Day).ToList() is { Count: > 0 } both)
            {
                errors.Add(new(field, $"Rule 'holiday or working day': {string.Join(", ", both)} cannot be both a holiday and a make-up working day."));
            }

            if ((calendar.MakeUpWorkingDays ?? []).Where(date => !weekend.Contains(date.DayOfWeek)).Select(Day).ToList() is { Count: > 0 } weekdays)
            {
                errors.Add(new(field, $"Rule 'make-up working day': {string.Join(", ", weekdays)} already a working day (make-up days are weekend days)."));
            }
        }

        // Stores configured in code sell in every region.
        var stores = (proposed.Stores ?? []).Select(store => (Policy: store.ToPolicy(), store.Regions))
            .Concat(_stores.Values.Where(code => proposed.Stores?.Any(store => store.StoreId == code.StoreId) != true)
                .Select(code => (Policy: code, Regions: (IReadOnlyList<string>?)null)));
        foreach (var (policy, regions) in stores)
        {
            var field = $"stores/{policy.StoreId}";
            Require(errors, field, "storeId", policy.StoreId);
            foreach (var unknown in (regions ?? []).Where(region => !packs.ContainsKey(region)))
            {
                errors.Add(new(field, $"Rule 'store regions': region {unknown} is not configured."));
            }

            errors.AddRange(packs.Where(pack => regions?.Contains(pack.Key) != false).Select(pack => pack.Value).Distinct()
                .SelectMany(pack => PolicyComposer.Check(policy, Floor, pack)).Distinct()
                .Select(problem => new ValidationError(field, problem)));
        }

        if (proposed.Governance is { } governance)
        {
            errors.AddRange(governance.PenaltyRules.Problems().Concat(governance.AssessmentRules.Problems()).Concat(governance.RestrictedPolicy.Problems())
                .Select(problem => new ValidationError($"governance/{GovernanceSetting.PlatformKey}", problem)));
        }

        foreach (var warranty in proposed.Warranties ?? [])
        {
            var field = $"warranties/{warranty.Brand}";
            Require(errors, field, "brand", warranty.Brand);
            Require(errors, field, "serviceCenterId", warranty.ServiceCenterId);
            if (warranty.DefaultMonths < 0 || (warranty.MonthsByRegion ?? new Dictionary<string, int>()).Values.Any(months => months < 0))
            {
                errors.Add(new(field, "Rule 'warranty months': a warranty cannot last a negative number of months."));
            }

            if ((warranty.ExtendedWarrantyOptions ?? []).Any(months => months is < 1 or > 120))
            {
                errors.Add(new(field, "Rule 'extended warranty': an extended warranty adds from 1 to 120 months."));
            }
        }

        return errors;
    }

    /// <summary>How the platform supervises its stores: the stored governance setting, or the defaults.</summary>
    public GovernanceSetting Governance => Volatile.Read(ref _stored).Source.Settings.Governance ?? GovernanceSetting.Default;

    /// <inheritdoc/>
    public EffectivePolicy? For(Order order, string? lineId = null, StoreLevel level = StoreLevel.Good)
    {
        ArgumentNullException.ThrowIfNull(order);
        return ForStore(order.StoreId, order.Region, (lineId is null ? null : order.Line(lineId))?.Brand, level);
    }

    /// <inheritdoc/>
    public EffectivePolicy? ForStore(string storeId, string region, string? brand = null, StoreLevel level = StoreLevel.Good)
    {
        var stored = Volatile.Read(ref _stored);
        if (!(stored.Regions.TryGetValue(region, out var regional) || _regions.TryGetValue(region, out regional)))
        {
            return null;
        }

        var store = stored.Stores.TryGetValue(storeId, out var setting)
            ? (setting.Setting.SellsIn(region) ? setting.Policy : null)
            : _stores.GetValueOrDefault(storeId);
        if (store is null)
        {
            return null;
        }

        var warranty = brand is not null && (stored.Warranties.TryGetValue(brand, out var found) || _warranties.TryGetValue(brand, out found)) ? found : null;
        var governance = stored.Source.Settings.Governance ?? GovernanceSetting.Default;
        var policy = PolicyComposer.Compose(Floor, regional.Pack, regional.Calendar, store, warranty) with { Penalties = governance.PenaltyRules };
        return level == StoreLevel.Restricted ? policy.Restrict(governance.RestrictedPolicy, governance.Version) : policy;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Require(List<ValidationError> errors, string field, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64 || value.Contains('/', StringComparison.Ordinal))
        {
            errors.Add(new(field, $"The {name} is required: at most 64 characters, without '/'."));
        }
    }

    /// <summary>The stored configuration as the lookups <see cref="ForStore"/> makes.</summary>
    private sealed record StoredLayer(
        StoredMarketplace Source,
        IReadOnlyDictionary<string, (JurisdictionPack Pack, BusinessCalendar Calendar)> Regions,
        IReadOnlyDictionary<string, (StoreSetting Setting, StorePolicy Policy)> Stores,
        IReadOnlyDictionary<string, BrandWarranty> Warranties)
    {
        public static StoredLayer From(StoredMarketplace source)
        {
            var settings = source.Settings;
            var calendars = (settings.Calendars ?? []).ToLookup(calendar => calendar.Region, StringComparer.Ordinal);
            var regions = (settings.Regions ?? []).ToDictionary(region => region.Region, region => (
                JurisdictionPacks.Named(region.Pack)!,
                new BusinessCalendar(region.Region, TimeZoneInfo.FindSystemTimeZoneById(region.TimeZone), region.WeekendDays ?? s_weekend,
                    calendars[region.Region].SelectMany(year => year.Holidays), calendars[region.Region].SelectMany(year => year.MakeUpWorkingDays))),
                StringComparer.Ordinal);
            return new(source, regions,
                (settings.Stores ?? []).ToDictionary(store => store.StoreId, store => (store, store.ToPolicy()), StringComparer.Ordinal),
                (settings.Warranties ?? []).ToDictionary(warranty => warranty.Brand, warranty => warranty.ToWarranty(), StringComparer.OrdinalIgnoreCase));
        }
    }
}
