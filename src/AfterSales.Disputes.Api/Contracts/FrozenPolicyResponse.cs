using System.Globalization;
using System.Reflection;
using AfterSales.Disputes.Api.Localization;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Localization;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Api.Contracts;

/// <summary>A policy as terms a person reads: the one frozen into a dispute when it was opened, or a store's now.</summary>
/// <param name="Version">Names every part that went in, such as <c>floor-1+cn-2025.1+Linkwave-w3+store-s1-v1</c>.</param>
/// <param name="Region">The region whose rules and business calendar apply.</param>
/// <param name="StoreId">The store.</param>
/// <param name="StoreType">The kind of store.</param>
/// <param name="Citation">The jurisdiction's sources.</param>
/// <param name="Terms">Every term: returns, guarantees, warranty and each step's window.</param>
public sealed record FrozenPolicyResponse(string Version, string Region, string StoreId, StoreType StoreType, string Citation, IReadOnlyList<PolicyTerm> Terms)
{
    /// <summary>The terms of <paramref name="policy"/>, in the request's language (<see cref="CultureInfo.CurrentUICulture"/>).</summary>
    public static FrozenPolicyResponse From(EffectivePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var terms = new List<PolicyTerm>
        {
            Term("NoReasonReturn", Text("Policy.NoReasonReturn.Days", policy.NoReasonReturnDays, DisputeTexts.Label(policy.NoReasonReturnShippingPayer))
                + (policy.IntactRequiredForNoReason ? Text("Policy.NoReasonReturn.Intact") : "")
                + (policy.NoReasonExclusions == ItemCategory.None ? "" : Text("Policy.NoReasonReturn.NotFor", DisputeTexts.Label(policy.NoReasonExclusions)))),
            Term("NoReasonExchange", Text(policy.NoReasonExchange ? "Policy.NoReasonExchange.Offered" : "Policy.NotOffered")),
            Term("SerialMismatch", Text(policy.SerialMismatch == SerialMismatchRule.Flag ? "Policy.SerialMismatch.Flag" : "Policy.SerialMismatch.Refuse")),
            Term("FaultReturn", policy.FaultReturnDays is { } returnDays ? Text("Policy.DaysFromReceipt", returnDays) : Text("Policy.NoRule")),
            Term("FaultExchange", policy.FaultExchangeDays is { } exchangeDays ? Text("Policy.DaysFromReceipt", exchangeDays) : Text("Policy.NoRule")),
            Term("LegalGuarantee", policy.LegalGuaranteeMonths > 0 ? Text("Policy.Months", policy.LegalGuaranteeMonths) : Text("Policy.None")),
            Term("BrandWarranty", policy.Warranty is { } warranty ? Warranty(policy, warranty) : Text("Policy.None")),
            Term("Clearance", Text(policy.ClearanceExchangeOnly ? "Policy.Clearance.ExchangeOnly" : "Policy.Clearance.AsOthers")),
            Term("Gifts", Text(policy.GiftsReturnWithMainItem ? "Policy.Gifts.WithMainItem" : "Policy.Gifts.Kept")),
            Term("ReturnPostage", policy.ReturnPostageCap is { } cap ? Text("Policy.ReturnPostage.UpTo", cap) : Text("Policy.ReturnPostage.None")),
        };
        foreach (var window in typeof(PolicyWindows).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = window.GetValue(policy.Windows);
            terms.Add(new PolicyTerm(Text("Window." + window.Name), value switch
            {
                DeadlineSpan span => Span(span),
                // The whole-number windows say what they count in their names (RepairReviewBusinessDays, RefundAttempts).
                int attempts when window.Name.EndsWith("Attempts", StringComparison.Ordinal) => Text("Policy.Attempts", attempts),
                int days when window.Name.EndsWith("BusinessDays", StringComparison.Ordinal) => Text("Policy.BusinessDays", days, policy.Region),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            }));
        }

        return new FrozenPolicyResponse(policy.Version, policy.Region, policy.StoreId, policy.StoreType, policy.Citation, terms);
    }

    private static PolicyTerm Term(string name, string value) => new(Text($"Policy.{name}"), value);

    private static string Text(string key, params object?[] args) => ApiTexts.Format(key, args);

    private static string Warranty(EffectivePolicy policy, BrandWarranty warranty) =>
        Text("Policy.BrandWarranty.Months", warranty.Brand, warranty.Version, warranty.MonthsByRegion.GetValueOrDefault(policy.Region, warranty.DefaultMonths))
        + (policy.ExtraWarrantyMonths > 0 ? Text("Policy.BrandWarranty.FromStore", policy.ExtraWarrantyMonths) : "")
        + (warranty.ProofOfPurchaseRequired ? Text("Policy.BrandWarranty.ProofOfPurchase") : "")
        + Text("Policy.BrandWarranty.ServicedBy", warranty.ServiceCenterId)
        + (warranty.OnSiteServiceAvailable ? Text("Policy.BrandWarranty.OnSite") : "")
        + (warranty.ExtendedWarrantyOptions.Count > 0
            ? Text("Policy.BrandWarranty.Extended", string.Join(Text("Policy.Or"), warranty.ExtendedWarrantyOptions.Select(months => months.ToString(CultureInfo.InvariantCulture))))
            : "");

    // 48 h, 7 days, 2 business days (CN): whole days when the span is whole days.
    private static string Span(DeadlineSpan span) => span.Kind switch
    {
        DeadlineKind.BusinessDays => Text("Policy.BusinessDays", span.Length.TotalDays.ToString("0.##", CultureInfo.InvariantCulture), span.Calendar),
        _ when span.Length.Ticks % TimeSpan.TicksPerDay == 0 => Text("Policy.Days", span.Length.TotalDays.ToString("0", CultureInfo.InvariantCulture)),
        _ => Text("Policy.Hours", span.Length.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)),
    };
}

/// <summary>One term of a policy.</summary>
/// <param name="Name">What it governs.</param>
/// <param name="Value">What it says.</param>
public sealed record PolicyTerm(string Name, string Value);
