using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>Where the effective policy for an order comes from: its store, region and brand.</summary>
public interface IPolicyCatalog
{
    /// <summary>The effective policy for <paramref name="order"/> now, or null when its store or region is unknown.</summary>
    EffectivePolicy? For(Order order, string? lineId = null);
}
