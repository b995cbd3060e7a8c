namespace AfterSales.Disputes.Disputes;

/// <summary>What the dispute flows' guards, branches and deadlines read: the case, who acts, and when.</summary>
/// <param name="Dispute">The dispute.</param>
/// <param name="Actor">Who is acting (or asking what they may do).</param>
/// <param name="Now">The time of the action.</param>
public readonly record struct DisputeContext(Dispute Dispute, Actor Actor, DateTimeOffset Now);
