namespace AfterSales.Disputes.Flows;

/// <summary>
/// Thrown by <c>Build()</c> when a flow is not sound. It lists every problem found, not just the
/// first, so a flow author fixes them in one pass.
/// </summary>
public sealed class FlowDefinitionException : InvalidOperationException
{
    /// <summary>Creates the exception for flow <paramref name="flow"/> and its problems.</summary>
    public FlowDefinitionException(string flow, IReadOnlyList<string> problems)
        : base($"Flow {flow} is not valid:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}")
    {
        Flow = flow;
        Problems = problems;
    }

    /// <summary>The flow's identifier and version.</summary>
    public string Flow { get; }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
