using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>Where the effective policy for an order comes from: its store, region and brand.</summary>
public interface IPolicyCatalog
{
    /// <summary>The effective policy for <paramref name="order"/> now, or null when its store or region is unknown.</summary>
    EffectivePolicy? For(Order order, string? lineId = null);

    /// <summary>
    /// The effective policy a request to <paramref name="storeId"/> in <paramref name="region"/> would be opened under now
    /// (with <paramref name="brand"/>'s warranty when given), for a buyer reading it before buying; null when the store or
    /// region is unknown.
    /// </summary>
    EffectivePolicy? ForStore(string storeId, string region, string? brand = null);
}
