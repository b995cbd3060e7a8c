namespace AfterSales.Disputes.Money;

/// <summary>
/// Thrown when two amounts in different currencies are added, subtracted or compared.
/// Converting between currencies is never implicit: a refund is paid in the currency of the order.
/// </summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for the two currencies that met.</summary>
    public CurrencyMismatchException(Currency left, Currency right)
        : base($"Cannot combine amounts in {left} and {right}: currencies must match.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>The currency of the left operand.</summary>
    public Currency Left { get; }

    /// <summary>The currency of the right operand.</summary>
    public Currency Right { get; }
}
