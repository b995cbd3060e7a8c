namespace AfterSales.Disputes.Policies;

/// <summary>
/// What happens when the serial number a buyer gives does not match the one the order recorded for
/// the line (a typing mistake, or another unit than the one sold).
/// </summary>
public enum SerialMismatchRule
{
    /// <summary>The request is refused, saying which line's serial number it does not match.</summary>
    Refuse,

    /// <summary>The request opens with a flag the seller and the arbitrator see.</summary>
    Flag,
}
