using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AfterSales.Disputes.Flows;
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
    /// <summary>The terms of <paramref name="policy"/>.</summary>
    public static FrozenPolicyResponse From(EffectivePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var terms = new List<PolicyTerm>
        {
            new("No-reason return", $"{policy.NoReasonReturnDays} days from receipt, return shipping paid by the {policy.NoReasonReturnShippingPayer.ToString().ToLowerInvariant()}"
                + (policy.IntactRequiredForNoReason ? ", goods intact" : "") + (policy.NoReasonExclusions == ItemCategory.None ? "" : $"; not for {policy.NoReasonExclusions}")),
            new("No-reason exchange", policy.NoReasonExchange ? "under the same rules as the no-reason return" : "not offered"),
            new("Serial number not the order's", policy.SerialMismatch == SerialMismatchRule.Flag ? "flagged for the seller" : "refused"),
            new("Fault: return", policy.FaultReturnDays is { } returnDays ? $"{returnDays} days from receipt" : "no rule"),
            new("Fault: exchange", policy.FaultExchangeDays is { } exchangeDays ? $"{exchangeDays} days from receipt" : "no rule"),
            new("Legal guarantee", policy.LegalGuaranteeMonths > 0 ? $"{policy.LegalGuaranteeMonths} months" : "none"),
            new("Brand warranty", policy.Warranty is { } warranty
                ? $"{warranty.Brand} {warranty.Version}: {warranty.MonthsByRegion.GetValueOrDefault(policy.Region, warranty.DefaultMonths)} months"
                  + (policy.ExtraWarrantyMonths > 0 ? $" + {policy.ExtraWarrantyMonths} from the store" : "")
                  + (warranty.ProofOfPurchaseRequired ? ", proof of purchase required" : "") + $", serviced by {warranty.ServiceCenterId}"
                  + (warranty.OnSiteServiceAvailable ? ", on-site service on sale" : "")
                  + (warranty.ExtendedWarrantyOptions.Count > 0 ? $", extended by {string.Join(" or ", warranty.ExtendedWarrantyOptions)} months on sale" : "")
                : "none"),
            new("Clearance items", policy.ClearanceExchangeOnly ? "exchange only" : "as other items"),
            new("Gifts", policy.GiftsReturnWithMainItem ? "return with their main item" : "kept by the buyer"),
            new("Return postage reimbursed", policy.ReturnPostageCap is { } cap ? $"up to {cap} when the seller pays return shipping" : "none (the seller's prepaid label)"),
        };
        foreach (var window in typeof(PolicyWindows).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = window.GetValue(policy.Windows);
            terms.Add(new PolicyTerm(Words(window.Name), value switch
            {
                DeadlineSpan span => span.ToString(),
                // The whole-number windows say what they count in their names (RepairReviewBusinessDays, RefundAttempts).
                int attempts when window.Name.EndsWith("Attempts", StringComparison.Ordinal) => string.Create(CultureInfo.InvariantCulture, $"{attempts} attempts"),
                int days when window.Name.EndsWith("BusinessDays", StringComparison.Ordinal) => string.Create(CultureInfo.InvariantCulture, $"{days} business days ({policy.Region})"),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            }));
        }

        return new FrozenPolicyResponse(policy.Version, policy.Region, policy.StoreId, policy.StoreType, policy.Citation, terms);
    }

    // "SellerResponseBeforeShipment" → "Seller response before shipment"
    private static string Words(string name)
    {
        var words = Regex.Replace(name, "(?<!^)([A-Z])", " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}

/// <summary>One term of a policy.</summary>
/// <param name="Name">What it governs.</param>
/// <param name="Value">What it says.</param>
public sealed record PolicyTerm(string Name, string Value);
