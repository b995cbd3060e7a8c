namespace AfterSales.Disputes.Policies;

/// <summary>
/// Whether a request may be opened, with the trace of every rule evaluated, the windows that apply
/// and who pays return shipping. The buyer sees it before opening; the arbitrator sees it in the case.
/// </summary>
/// <param name="IsEligible">True when every rule passed.</param>
/// <param name="Trace">Every rule evaluated, in order, passed or failed, with its reason.</param>
/// <param name="Windows">The windows that apply to the order line.</param>
/// <param name="ReturnShippingPayer">Who pays for sending the goods back, if they go back.</param>
/// <param name="WarrantyCovered">For repairs: whether the warranty covers it (otherwise the service center quotes a fee).</param>
public sealed record EligibilityDecision(
    bool IsEligible,
    IReadOnlyList<RuleCheck> Trace,
    IReadOnlyList<EligibilityWindow> Windows,
    ShippingPayer ReturnShippingPayer,
    bool? WarrantyCovered)
{
    /// <summary>
    /// Rules that passed with something the seller and the arbitrator should look at, such as a serial
    /// number that does not match the order line where the policy flags rather than refuses. Each is in
    /// <see cref="Trace"/> too.
    /// </summary>
    public IReadOnlyList<RuleCheck> Flags { get; init; } = [];

    /// <summary>The rules that failed.</summary>
    public IEnumerable<RuleCheck> Failures => Trace.Where(c => !c.Passed);
}
