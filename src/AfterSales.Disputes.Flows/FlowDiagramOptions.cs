namespace AfterSales.Disputes.Flows;

/// <summary>What an exported diagram shows.</summary>
/// <param name="IncludeInternalActions">
/// Whether actions that stay in their state (messages, evidence, ratings) are drawn as self-loops.
/// Large flows read better without them.
/// </param>
public sealed record FlowDiagramOptions(bool IncludeInternalActions = true)
{
    /// <summary>Everything: every action, internal ones as self-loops.</summary>
    public static FlowDiagramOptions Full { get; } = new();
}
