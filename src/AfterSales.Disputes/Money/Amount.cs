using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AfterSales.Disputes.Money;

/// <summary>
/// An amount of money: a whole number of minor units (cents, fen) in one ISO 4217 currency.
/// Integer minor units make sums exact; arithmetic and comparison refuse mixed currencies.
/// </summary>
/// <remarks>
/// Named <c>Amount</c> rather than <c>Money</c> so that it never collides with this namespace.
/// </remarks>
public readonly record struct Amount : IComparable<Amount>
{
    /// <summary>Creates an amount of <paramref name="minorUnits"/> in <paramref name="currency"/>.</summary>
    /// <exception cref="ArgumentException">The currency is the default (uninitialised) value.</exception>
    public Amount(long minorUnits, Currency currency)
    {
        if (currency.Code is null)
        {
            throw new ArgumentException("An amount needs a currency.", nameof(currency));
        }

        MinorUnits = minorUnits;
        Currency = currency;
    }

    /// <summary>The value in minor units (1999 for 19.99 EUR).</summary>
    public long MinorUnits { get; }

    /// <summary>The currency of the amount.</summary>
    public Currency Currency { get; }

    /// <summary>True when the amount is exactly zero.</summary>
    public bool IsZero => MinorUnits == 0;

    /// <summary>True when the amount is greater than zero.</summary>
    public bool IsPositive => MinorUnits > 0;

    /// <summary>True when the amount is below zero.</summary>
    public bool IsNegative => MinorUnits < 0;

    /// <summary>Zero in the given currency.</summary>
    public static Amount Zero(Currency currency) => new(0, currency);

    /// <summary>An amount from minor units and a currency code: <c>Amount.Of(1999, "EUR")</c>.</summary>
    public static Amount Of(long minorUnits, string currencyCode) => new(minorUnits, Currency.Of(currencyCode));

    /// <summary>
    /// Converts a decimal major-unit value (19.99) to an amount, refusing values with more decimal
    /// places than the currency has rather than silently rounding them.
    /// </summary>
    /// <exception cref="ArgumentException">The value has more decimals than the currency's minor unit.</exception>
    public static Amount FromMajor(decimal value, Currency currency)
    {
        var scaled = value * Pow10(currency.MinorDigits);
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException(
                $"{value.ToString(CultureInfo.InvariantCulture)} has more than {currency.MinorDigits} decimal places for {currency}.",
                nameof(value));
        }

        return new Amount(checked((long)scaled), currency);
    }

    /// <summary>The value in major units (19.99 for 1999 cents).</summary>
    public decimal ToMajor() => MinorUnits / Pow10(Currency.MinorDigits);

    /// <summary>The sum of two amounts in the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Amount operator +(Amount left, Amount right)
    {
        EnsureSameCurrency(left, right);
        return new Amount(checked(left.MinorUnits + right.MinorUnits), left.Currency);
    }

    /// <summary>The difference of two amounts in the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Amount operator -(Amount left, Amount right)
    {
        EnsureSameCurrency(left, right);
        return new Amount(checked(left.MinorUnits - right.MinorUnits), left.Currency);
    }

    /// <summary>The amount with its sign reversed.</summary>
    public static Amount operator -(Amount value) => new(checked(-value.MinorUnits), value.Currency);

    /// <summary>The amount multiplied by a whole quantity (unit price times quantity).</summary>
    public static Amount operator *(Amount value, int quantity) =>
        new(checked(value.MinorUnits * quantity), value.Currency);

    /// <summary>This amount plus <paramref name="other"/>, in the same currency.</summary>
    public Amount Add(Amount other) => this + other;

    /// <summary>This amount minus <paramref name="other"/>, in the same currency.</summary>
    public Amount Subtract(Amount other) => this - other;

    /// <summary>The amount multiplied by a whole quantity.</summary>
    public Amount Multiply(int quantity) => this * quantity;

    /// <summary>The amount with its sign reversed.</summary>
    public Amount Negate() => -this;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Amount other)
    {
        EnsureSameCurrency(this, other);
        return MinorUnits.CompareTo(other.MinorUnits);
    }

    /// <summary>True when <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(Amount left, Amount right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(Amount left, Amount right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(Amount left, Amount right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(Amount left, Amount right) => left.CompareTo(right) >= 0;

    /// <summary>The smaller of two amounts in the same currency.</summary>
    public static Amount Min(Amount left, Amount right) => left <= right ? left : right;

    /// <summary>The larger of two amounts in the same currency.</summary>
    public static Amount Max(Amount left, Amount right) => left >= right ? left : right;

    /// <summary>Formats as major units and code with invariant digits: <c>1234.50 EUR</c>, <c>1500 JPY</c>.</summary>
    public override string ToString() => Format(CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats as major units with the culture's digits and separators, followed by the code:
    /// <c>1.234,50 EUR</c> in de-DE. The code is kept rather than a symbol, because "$" is ambiguous.
    /// </summary>
    public string Format(IFormatProvider? provider)
    {
        // Invariant output is for logs and APIs: no group separators, so that it parses back.
        var style = ReferenceEquals(provider, CultureInfo.InvariantCulture) ? "F" : "N";
        var number = ToMajor().ToString(style + Currency.MinorDigits.ToString(CultureInfo.InvariantCulture), provider);
        return $"{number} {Currency.Code}";
    }

    /// <summary>Parses the invariant form written by <see cref="ToString"/>, e.g. <c>19.99 EUR</c>.</summary>
    /// <exception cref="FormatException">The text is not an amount followed by a currency code.</exception>
    public static Amount Parse(string text) =>
        TryParse(text, out var amount)
            ? amount
            : throw new FormatException($"'{text}' is not an amount such as '19.99 EUR'.");

    /// <summary>Parses <c>19.99 EUR</c>; fails on unknown codes and on more decimals than the currency has.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Amount amount)
    {
        amount = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !Currency.TryOf(parts[1], out var currency)
            || !decimal.TryParse(parts[0], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var major))
        {
            return false;
        }

        var scaled = major * Pow10(currency.MinorDigits);
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }

        amount = new Amount((long)scaled, currency);
        return true;
    }

    private static void EnsureSameCurrency(Amount left, Amount right)
    {
        if (left.Currency != right.Currency)
        {
            throw new CurrencyMismatchException(left.Currency, right.Currency);
        }
    }

    private static decimal Pow10(int digits) => digits switch
    {
        0 => 1m,
        1 => 10m,
        2 => 100m,
        3 => 1000m,
        _ => 10000m,
    };
}
