namespace AfterSales.Disputes.Policies;

/// <summary>
/// Thrown when a store policy is less generous than the platform floor or the jurisdiction allows.
/// Each problem names the rule and both values.
/// </summary>
public sealed class PolicyViolationException : InvalidOperationException
{
    /// <summary>Creates the exception for the store and its problems.</summary>
    public PolicyViolationException(string storeId, IReadOnlyList<string> problems)
        : base($"The policy of store {storeId} is below the floor:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}")
    {
        StoreId = storeId;
        Problems = problems;
    }

    /// <summary>The store whose policy was rejected.</summary>
    public string StoreId { get; }

    /// <summary>Each rule the policy breaks, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
