namespace AfterSales.Disputes.Policies;

/// <summary>One rule of an eligibility decision: its name, whether it passed, and why, in words.</summary>
/// <param name="Rule">A stable rule code such as <c>no-reason-window</c>.</param>
/// <param name="Passed">Whether the rule allows the request.</param>
/// <param name="Reason">A sentence for the buyer and the arbitrator.</param>
public sealed record RuleCheck(string Rule, bool Passed, string Reason);
