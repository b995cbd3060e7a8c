using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Policies;

/// <summary>
/// A store's own after-sales policy. Every value may only be more generous to the buyer than the
/// platform floor and the jurisdiction; <see cref="PolicyComposer"/> rejects one that is not.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="Version">Changes whenever the store changes its policy.</param>
/// <param name="StoreType">Flagship, authorised reseller or third party.</param>
/// <param name="NoReasonReturnDays">A longer no-reason return window, or null for the floor's.</param>
/// <param name="ExtraWarrantyMonths">Months the store adds to the brand warranty.</param>
/// <param name="SellerResponseHours">A shorter promise to answer requests (before shipment), or null for the floor's.</param>
/// <param name="ReturnShipmentDays">More days for buyers to ship returns, or null for the floor's.</param>
/// <param name="SellerPaysNoReasonReturnShipping">Whether the store pays return shipping even for no-reason returns.</param>
/// <param name="ClearanceExchangeOnly">Items tagged <c>clearance</c> can be exchanged, not returned for a refund.</param>
/// <param name="GiftsReturnWithMainItem">A free gift must come back with the item it came with.</param>
/// <param name="NoReasonExchange">
/// Whether the store exchanges without a reason too (七天无理由退换货), under the same window, exclusions,
/// intact-goods rule and shipping payer as its no-reason returns.
/// </param>
/// <param name="SerialMismatch">What a request whose serial number does not match the order line's gets: a refusal, or a flag.</param>
/// <param name="ReturnPostageCap">
/// The most the store reimburses of postage a buyer paid for a return the store pays for; null for none (the
/// buyer then sends it with the store's prepaid label).
/// </param>
public sealed record StorePolicy(
    string StoreId,
    string Version,
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
    Amount? ReturnPostageCap = null);
