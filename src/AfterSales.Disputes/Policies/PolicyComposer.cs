using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Policies;

/// <summary>
/// Composes the effective policy: platform floor + jurisdiction pack + brand warranty + store policy.
/// A store may be more generous than the floor and the pack, never less.
/// </summary>
public static class PolicyComposer
{
    /// <summary>
    /// Every way <paramref name="store"/> falls below <paramref name="floor"/> or <paramref name="pack"/>,
    /// each naming the rule; empty when the store policy is acceptable.
    /// </summary>
    public static IReadOnlyList<string> Check(StorePolicy store, PlatformFloor floor, JurisdictionPack pack)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(floor);
        ArgumentNullException.ThrowIfNull(pack);
        var problems = new List<string>();

        var minimumReturnDays = Math.Max(floor.MinimumNoReasonReturnDays, pack.NoReasonReturnDays);
        if (store.NoReasonReturnDays < minimumReturnDays)
        {
            var source = pack.NoReasonReturnDays >= floor.MinimumNoReasonReturnDays ? pack.Citation : $"platform floor {floor.Version}";
            problems.Add($"Rule 'no-reason return window': the store offers {store.NoReasonReturnDays} days, below the minimum of {minimumReturnDays} days ({source}).");
        }

        if (store.ExtraWarrantyMonths < 0)
        {
            problems.Add($"Rule 'warranty': the store cannot shorten the brand warranty ({store.ExtraWarrantyMonths} months).");
        }

        var floorResponse = floor.Windows.SellerResponseBeforeShipment.Length;
        if (store.SellerResponseHours is { } hours && (hours <= 0 || TimeSpan.FromHours(hours) > floorResponse))
        {
            problems.Add($"Rule 'seller response time': the store promises {hours} h, but must answer within {floorResponse.TotalHours:0} h (platform floor {floor.Version}).");
        }

        var floorReturnShipment = floor.Windows.ReturnShipment.Length;
        if (store.ReturnShipmentDays is { } days && TimeSpan.FromDays(days) < floorReturnShipment)
        {
            problems.Add($"Rule 'return shipment window': the store gives buyers {days} days, below the floor's {floorReturnShipment.TotalDays:0} days (platform floor {floor.Version}).");
        }

        if (store.ReturnPostageCap is { IsNegative: true } cap)
        {
            problems.Add($"Rule 'return postage': the store cannot reimburse a negative amount ({cap}).");
        }

        return problems;
    }

    /// <summary>Composes the effective policy for a store in a region.</summary>
    /// <param name="floor">The platform floor.</param>
    /// <param name="pack">The jurisdiction pack of the order's region.</param>
    /// <param name="calendar">The region's business calendar.</param>
    /// <param name="store">The store's policy.</param>
    /// <param name="warranty">The brand warranty, if any.</param>
    /// <exception cref="PolicyViolationException">The store policy is below the floor or the pack.</exception>
    public static EffectivePolicy Compose(
        PlatformFloor floor, JurisdictionPack pack, BusinessCalendar calendar, StorePolicy store, BrandWarranty? warranty = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var problems = Check(store, floor, pack);
        if (problems.Count > 0)
        {
            throw new PolicyViolationException(store.StoreId, problems);
        }

        var windows = floor.Windows;
        if (store.SellerResponseHours is { } hours)
        {
            windows = windows with { SellerResponseBeforeShipment = DeadlineSpan.Hours(hours) };
        }

        if (store.ReturnShipmentDays is { } days)
        {
            windows = windows with { ReturnShipment = DeadlineSpan.Days(days) };
        }

        var versions = new[] { floor.Version, pack.Version, warranty is null ? null : $"{warranty.Brand}-{warranty.Version}", $"{store.StoreId}-{store.Version}" };
        return new EffectivePolicy(
            Version: string.Join('+', versions.Where(v => v is not null)),
            Region: calendar.Region,
            Calendar: calendar,
            Windows: windows,
            StoreId: store.StoreId,
            StoreType: store.StoreType,
            NoReasonReturnDays: Math.Max(store.NoReasonReturnDays ?? 0, Math.Max(floor.MinimumNoReasonReturnDays, pack.NoReasonReturnDays)),
            NoReasonReturnShippingPayer: pack.BuyerPaysNoReasonReturnShipping && !store.SellerPaysNoReasonReturnShipping ? ShippingPayer.Buyer : ShippingPayer.Seller,
            NoReasonExclusions: pack.NoReasonExclusions,
            IntactRequiredForNoReason: pack.IntactRequiredForNoReason,
            FaultReturnDays: pack.FaultReturnDays,
            FaultExchangeDays: pack.FaultExchangeDays,
            LegalGuaranteeMonths: pack.LegalGuaranteeMonths,
            Warranty: warranty,
            ExtraWarrantyMonths: store.ExtraWarrantyMonths,
            ClearanceExchangeOnly: store.ClearanceExchangeOnly,
            GiftsReturnWithMainItem: store.GiftsReturnWithMainItem,
            Citation: pack.Citation,
            NoReasonExchange: store.NoReasonExchange,
            SerialMismatch: store.SerialMismatch,
            ReturnPostageCap: store.ReturnPostageCap);
    }
}
