using System.Collections.Concurrent;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Application.Policies;

/// <summary>
/// The policies a platform configures in code: the platform floor, a jurisdiction pack and a business
/// calendar per region, a policy per store and a warranty per brand. Store policies are checked against
/// the floor and the pack when added, so a policy below the floor is refused at start-up, not per request.
/// </summary>
public sealed class PolicyCatalog : IPolicyCatalog
{
    private readonly ConcurrentDictionary<string, (JurisdictionPack Pack, BusinessCalendar Calendar)> _regions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StorePolicy> _stores = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BrandWarranty> _warranties = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The platform floor.</summary>
    public PlatformFloor Floor { get; private set; } = PlatformFloor.Default;

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

    /// <inheritdoc/>
    public EffectivePolicy? For(Order order, string? lineId = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        return ForStore(order.StoreId, order.Region, (lineId is null ? null : order.Line(lineId))?.Brand);
    }

    /// <inheritdoc/>
    public EffectivePolicy? ForStore(string storeId, string region, string? brand = null)
    {
        if (!_regions.TryGetValue(region, out var regional) || !_stores.TryGetValue(storeId, out var store))
        {
            return null;
        }

        var warranty = brand is not null && _warranties.TryGetValue(brand, out var found) ? found : null;
        return PolicyComposer.Compose(Floor, regional.Pack, regional.Calendar, store, warranty);
    }
}
