using System.Collections.Frozen;

namespace AfterSales.Disputes.Money;

/// <summary>
/// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit
/// (2 for EUR and CNY, 0 for JPY, 3 for KWD).
/// </summary>
public readonly record struct Currency
{
    // Active ISO 4217 codes. Most have two minor digits; the exceptions are listed with theirs.
    private const string TwoDigitCodes =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN " +
        "BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP " +
        "GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP " +
        "LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR " +
        "NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN " +
        "SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR " +
        "ZMW ZWG";

    private const string ZeroDigitCodes = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    private const string ThreeDigitCodes = "BHD IQD JOD KWD LYD OMR TND";
    private const string FourDigitCodes = "CLF UYW";

    private static readonly FrozenDictionary<string, int> s_minorDigits = BuildTable();

    private Currency(string code, int minorDigits)
    {
        Code = code;
        MinorDigits = minorDigits;
    }

    /// <summary>The three-letter ISO 4217 code, upper case.</summary>
    public string Code { get; }

    /// <summary>How many decimal digits the minor unit has (cents: 2).</summary>
    public int MinorDigits { get; }

    /// <summary>Chinese yuan renminbi.</summary>
    public static Currency CNY { get; } = Of("CNY");

    /// <summary>Euro.</summary>
    public static Currency EUR { get; } = Of("EUR");

    /// <summary>United States dollar.</summary>
    public static Currency USD { get; } = Of("USD");

    /// <summary>Pound sterling.</summary>
    public static Currency GBP { get; } = Of("GBP");

    /// <summary>Japanese yen (no minor unit).</summary>
    public static Currency JPY { get; } = Of("JPY");

    /// <summary>Returns the currency with the given ISO 4217 code.</summary>
    /// <exception cref="ArgumentException">The code is not an active ISO 4217 currency code.</exception>
    public static Currency Of(string code) =>
        TryOf(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not an ISO 4217 currency code.", nameof(code));

    /// <summary>Looks up an ISO 4217 code; codes are matched exactly (upper case, three letters).</summary>
    public static bool TryOf(string? code, out Currency currency)
    {
        if (code is not null && s_minorDigits.TryGetValue(code, out var digits))
        {
            currency = new Currency(code, digits);
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>The currency code.</summary>
    public override string ToString() => Code ?? "(none)";

    private static FrozenDictionary<string, int> BuildTable()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string codes, int digits)
        {
            foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                table.Add(code, digits);
            }
        }

        Add(TwoDigitCodes, 2);
        Add(ZeroDigitCodes, 0);
        Add(ThreeDigitCodes, 3);
        Add(FourDigitCodes, 4);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
