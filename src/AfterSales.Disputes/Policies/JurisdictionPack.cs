using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.Policies;

/// <summary>
/// The consumer-protection rules of a jurisdiction, as after-sales windows and exclusions.
/// </summary>
/// <param name="Name">A short name: <c>China</c>, <c>EU</c>.</param>
/// <param name="Version">Changes whenever the pack changes.</param>
/// <param name="NoReasonReturnDays">Days from receipt during which goods may be returned without a reason.</param>
/// <param name="BuyerPaysNoReasonReturnShipping">Whether the buyer pays return shipping for no-reason returns (the seller always pays for faults).</param>
/// <param name="NoReasonExclusions">Categories excluded from no-reason returns.</param>
/// <param name="IntactRequiredForNoReason">Whether no-reason returns require intact goods.</param>
/// <param name="FaultReturnDays">Three guarantees: days from receipt in which a fault allows return, exchange or repair; null where the rule does not exist.</param>
/// <param name="FaultExchangeDays">Three guarantees: days from receipt in which a fault allows exchange or repair.</param>
/// <param name="LegalGuaranteeMonths">Statutory guarantee for faults from delivery, in months; 0 where none.</param>
/// <param name="Citation">Where the rules come from, shown in eligibility traces.</param>
public sealed record JurisdictionPack(
    string Name,
    string Version,
    int NoReasonReturnDays,
    bool BuyerPaysNoReasonReturnShipping,
    ItemCategory NoReasonExclusions,
    bool IntactRequiredForNoReason,
    int? FaultReturnDays,
    int? FaultExchangeDays,
    int LegalGuaranteeMonths,
    string Citation);

/// <summary>The jurisdiction packs the engine ships.</summary>
public static class JurisdictionPacks
{
    /// <summary>Every pack, for a marketplace to choose one per region by <see cref="JurisdictionPack.Name"/>.</summary>
    public static IReadOnlyList<JurisdictionPack> All => [China, EuropeanUnion];

    /// <summary>The pack named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static JurisdictionPack? Named(string? name) =>
        All.FirstOrDefault(pack => string.Equals(pack.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Mainland China: seven-day no-reason returns from receipt (Consumer Protection Law art. 25 and the
    /// online trading rules), buyer pays return shipping for them, custom-made, perishable, unsealed
    /// audio-visual and software, digital downloads, delivered periodicals and items agreed as
    /// non-returnable excluded, goods must be intact; three guarantees for electronics: a fault within
    /// 7 days allows return, exchange or repair, within 15 days exchange or repair.
    /// </summary>
    public static JurisdictionPack China { get; } = new(
        Name: "China",
        Version: "cn-2025.1",
        NoReasonReturnDays: 7,
        BuyerPaysNoReasonReturnShipping: true,
        NoReasonExclusions: ItemCategory.CustomMade | ItemCategory.Perishable | ItemCategory.AudioVisualOrSoftware
            | ItemCategory.DigitalDownload | ItemCategory.Periodical | ItemCategory.NonReturnableByAgreement,
        IntactRequiredForNoReason: true,
        FaultReturnDays: 7,
        FaultExchangeDays: 15,
        LegalGuaranteeMonths: 0,
        Citation: "China pack: Consumer Protection Law art. 25, online trading rules, three-guarantees rules");

    /// <summary>
    /// European Union: 14-day withdrawal (Directive 2011/83/EU art. 9, exclusions of art. 16) and the
    /// two-year legal guarantee of conformity (Directive (EU) 2019/771 art. 10).
    /// </summary>
    public static JurisdictionPack EuropeanUnion { get; } = new(
        Name: "EU",
        Version: "eu-2024.1",
        NoReasonReturnDays: 14,
        BuyerPaysNoReasonReturnShipping: true,
        NoReasonExclusions: ItemCategory.CustomMade | ItemCategory.Perishable | ItemCategory.AudioVisualOrSoftware
            | ItemCategory.DigitalDownload | ItemCategory.Periodical,
        IntactRequiredForNoReason: false,
        FaultReturnDays: null,
        FaultExchangeDays: null,
        LegalGuaranteeMonths: 24,
        Citation: "EU pack: Directive 2011/83/EU art. 9 and 16, Directive (EU) 2019/771 art. 10");
}
