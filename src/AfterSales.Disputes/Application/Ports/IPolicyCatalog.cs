using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>Where the effective policy for an order comes from: its store, region and brand.</summary>
public interface IPolicyCatalog
{
    /// <summary>
    /// The effective policy for <paramref name="order"/> now, or null when its store or region is unknown; for a store
    /// at <paramref name="level"/> <see cref="StoreLevel.Restricted"/>, with the platform's restricted policy applied.
    /// </summary>
    EffectivePolicy? For(Order order, string? lineId = null, StoreLevel level = StoreLevel.Good);

    /// <summary>
    /// The effective policy a request to <paramref name="storeId"/> in <paramref name="region"/> would be opened under now
    /// (with <paramref name="brand"/>'s warranty when given), for a buyer reading it before buying; null when the store or
    /// region is unknown (restricted as in <see cref="For"/>).
    /// </summary>
    EffectivePolicy? ForStore(string storeId, string region, string? brand = null, StoreLevel level = StoreLevel.Good);
}
