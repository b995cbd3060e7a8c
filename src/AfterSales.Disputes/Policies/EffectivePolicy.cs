using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.Policies;

/// <summary>
/// The policy that applies to one dispute: platform floor + jurisdiction pack + brand warranty +
/// store policy, composed by <see cref="PolicyComposer"/>. A dispute freezes it when it opens, with
/// its <see cref="Version"/>, so later policy changes never rewrite open cases.
/// </summary>
/// <param name="Version">Names every part that went in, such as <c>floor-1+cn-2025.1+acme-w3+store-s1-v2</c>.</param>
/// <param name="Region">The region whose rules and calendar apply.</param>
/// <param name="Calendar">The region's business calendar.</param>
/// <param name="Windows">The step windows, with the store's improvements applied.</param>
/// <param name="StoreId">The store.</param>
/// <param name="StoreType">The kind of store.</param>
/// <param name="NoReasonReturnDays">The no-reason return window from receipt.</param>
/// <param name="NoReasonReturnShippingPayer">Who pays return shipping for no-reason returns.</param>
/// <param name="NoReasonExclusions">Categories excluded from no-reason returns.</param>
/// <param name="IntactRequiredForNoReason">Whether no-reason returns require intact goods.</param>
/// <param name="FaultReturnDays">Three guarantees: return window for faults, if the rule applies.</param>
/// <param name="FaultExchangeDays">Three guarantees: exchange window for faults, if the rule applies.</param>
/// <param name="LegalGuaranteeMonths">Statutory guarantee for faults, in months (0 if none).</param>
/// <param name="Warranty">The brand warranty, if the brand has one on the platform.</param>
/// <param name="ExtraWarrantyMonths">Months the store adds to the brand warranty.</param>
/// <param name="ClearanceExchangeOnly">Clearance items can only be exchanged.</param>
/// <param name="GiftsReturnWithMainItem">Gifts must come back with their main item.</param>
/// <param name="Citation">The jurisdiction's sources, for eligibility traces.</param>
/// <param name="NoReasonExchange">Whether no-reason exchanges are offered besides no-reason returns (false in policies frozen before it existed).</param>
/// <param name="SerialMismatch">What a serial number that does not match the order line gets (a refusal in policies frozen before it existed).</param>
/// <param name="ReturnPostageCap">The most reimbursed of postage a buyer paid for a return the seller pays for; null for none.</param>
/// <param name="Penalties">The penalty rules the case's events incur points by; null in policies frozen before they existed (the defaults apply).</param>
/// <param name="UnderRestriction">Whether the store was restricted when the case opened, so the platform's restricted policy applies.</param>
public sealed record EffectivePolicy(
    string Version,
    string Region,
    BusinessCalendar Calendar,
    PolicyWindows Windows,
    string StoreId,
    StoreType StoreType,
    int NoReasonReturnDays,
    ShippingPayer NoReasonReturnShippingPayer,
    ItemCategory NoReasonExclusions,
    bool IntactRequiredForNoReason,
    int? FaultReturnDays,
    int? FaultExchangeDays,
    int LegalGuaranteeMonths,
    BrandWarranty? Warranty,
    int ExtraWarrantyMonths,
    bool ClearanceExchangeOnly,
    bool GiftsReturnWithMainItem,
    string Citation,
    bool NoReasonExchange = false,
    SerialMismatchRule SerialMismatch = SerialMismatchRule.Refuse,
    Amount? ReturnPostageCap = null,
    PenaltyRules? Penalties = null,
    bool UnderRestriction = false)
{
    /// <summary>
    /// This policy for a store the platform restricted: the seller answers within <paramref name="restricted"/>'s windows
    /// where they are shorter than the store's, and the version says so (<c>+restricted-</c> and
    /// <paramref name="governanceVersion"/>).
    /// </summary>
    public EffectivePolicy Restrict(Merchants.RestrictedPolicy restricted, string governanceVersion)
    {
        ArgumentNullException.ThrowIfNull(restricted);
        static DeadlineSpan Shorter(DeadlineSpan own, int hours) => own.Length <= TimeSpan.FromHours(hours) ? own : DeadlineSpan.Hours(hours);
        return this with
        {
            Version = $"{Version}+restricted-{governanceVersion}",
            Windows = Windows with
            {
                SellerResponseBeforeShipment = Shorter(Windows.SellerResponseBeforeShipment, restricted.SellerResponseHours),
                SellerResponseAfterShipment = Shorter(Windows.SellerResponseAfterShipment, restricted.SellerResponseAfterShipmentHours),
            },
            UnderRestriction = true,
        };
    }

    /// <summary>The penalty rules in force for the case: those frozen with it, or the defaults.</summary>
    public PenaltyRules PenaltyRulesInForce => Penalties ?? PenaltyRules.Default;

    /// <summary>The seller's response window: shorter before the order ships.</summary>
    public DeadlineSpan SellerResponse(bool shipped) =>
        shipped ? Windows.SellerResponseAfterShipment : Windows.SellerResponseBeforeShipment;

    /// <summary>The repair-application review window, in the region's business days.</summary>
    public DeadlineSpan RepairReview => DeadlineSpan.BusinessDays(Windows.RepairReviewBusinessDays, Calendar);

    /// <summary>Warranty months for a line: the brand's months in this region, the store's extra months and any extended warranty bought.</summary>
    public int WarrantyMonths(OrderLine line) =>
        (Warranty?.MonthsIn(Region) ?? 0) + ExtraWarrantyMonths + line.ExtendedWarrantyMonths;
}
