namespace AfterSales.Disputes.Policies;

/// <summary>
/// A brand's warranty: how many months by region, what it covers (defects in material and
/// workmanship) and excludes, whether proof of purchase is required, and where devices are repaired.
/// </summary>
/// <param name="Brand">The brand.</param>
/// <param name="Version">Changes whenever the warranty terms change.</param>
/// <param name="MonthsByRegion">Warranty months per region code.</param>
/// <param name="DefaultMonths">Months for regions not listed.</param>
/// <param name="ExcludedCauses">Fault causes not covered: physical or liquid damage, misuse, unauthorised repair.</param>
/// <param name="ProofOfPurchaseRequired">Whether a warranty claim needs proof of purchase.</param>
/// <param name="ServiceCenterId">The service center repairs are sent to.</param>
/// <param name="OnSiteServiceAvailable">Whether on-site service can be bought as an add-on.</param>
public sealed record BrandWarranty(
    string Brand,
    string Version,
    IReadOnlyDictionary<string, int> MonthsByRegion,
    int DefaultMonths,
    IReadOnlyList<FaultCause> ExcludedCauses,
    bool ProofOfPurchaseRequired,
    string ServiceCenterId,
    bool OnSiteServiceAvailable = false)
{
    /// <summary>The usual exclusions: physical and liquid damage, misuse, unauthorised repair.</summary>
    public static IReadOnlyList<FaultCause> StandardExclusions { get; } =
        [FaultCause.PhysicalDamage, FaultCause.LiquidDamage, FaultCause.Misuse, FaultCause.UnauthorisedRepair];

    /// <summary>
    /// The extended warranties on sale with the brand's devices, in months added to the warranty (such as 12 and 24);
    /// an order line says which one was bought (<c>ExtendedWarrantyMonths</c>). Empty when none is sold (and in policies
    /// frozen before it existed).
    /// </summary>
    public IReadOnlyList<int> ExtendedWarrantyOptions { get; init; } = [];

    /// <summary>Warranty months in <paramref name="region"/>.</summary>
    public int MonthsIn(string region) => MonthsByRegion.GetValueOrDefault(region, DefaultMonths);
}
