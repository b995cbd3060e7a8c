namespace AfterSales.Disputes.Merchants;

/// <summary>Where a store stands after the platform's periodic assessment of its after-sales service.</summary>
public enum StoreLevel
{
    /// <summary>Every figure within the platform's thresholds.</summary>
    Good,

    /// <summary>A figure past a threshold: the store is warned.</summary>
    Warning,

    /// <summary>Figures far past the thresholds: the store's new cases follow the platform's stricter policy.</summary>
    Restricted,
}
