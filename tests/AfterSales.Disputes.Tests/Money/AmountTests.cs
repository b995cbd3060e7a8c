using System.Globalization;
using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Tests.Money;

public class AmountTests
{
    private static readonly Amount s_tenEuros = Amount.Of(1000, "EUR");

    [Fact]
    public void Arithmetic_InOneCurrency_IsExactInMinorUnits()
    {
        var price = Amount.Of(1999, "CNY");

        (price + price).Should().Be(Amount.Of(3998, "CNY"));
        (price - Amount.Of(2000, "CNY")).Should().Be(Amount.Of(-1, "CNY"));
        (price * 3).MinorUnits.Should().Be(5997);
        (-price).IsNegative.Should().BeTrue();
        price.Add(price).Subtract(price).Should().Be(price);
        price.Multiply(2).Negate().Should().Be(Amount.Of(-3998, "CNY"));
    }

    [Fact]
    public void Arithmetic_RefusesMixedCurrencies()
    {
        var yuan = Amount.Of(1000, "CNY");

        var add = () => s_tenEuros + yuan;
        var subtract = () => s_tenEuros - yuan;
        var compare = () => s_tenEuros > yuan;

        add.Should().Throw<CurrencyMismatchException>().WithMessage("Cannot combine amounts in EUR and CNY: currencies must match.");
        subtract.Should().Throw<CurrencyMismatchException>();
        compare.Should().Throw<CurrencyMismatchException>().Which.Right.Should().Be(Currency.CNY);
    }

    [Fact]
    public void Comparison_InOneCurrency_OrdersByValue()
    {
        var five = Amount.Of(500, "EUR");

        (five < s_tenEuros).Should().BeTrue();
        (five >= s_tenEuros).Should().BeFalse();
        Amount.Min(five, s_tenEuros).Should().Be(five);
        Amount.Max(five, s_tenEuros).Should().Be(s_tenEuros);
        Amount.Zero(Currency.EUR).IsZero.Should().BeTrue();
        s_tenEuros.IsPositive.Should().BeTrue();
    }

    [Fact]
    public void Overflow_IsAnErrorNotAWrapAround()
    {
        var huge = Amount.Of(long.MaxValue, "EUR");

        var add = () => huge + Amount.Of(1, "EUR");

        add.Should().Throw<OverflowException>();
    }

    [Theory]
    [InlineData(1999L, "EUR", "19.99 EUR")]
    [InlineData(-5L, "CNY", "-0.05 CNY")]
    [InlineData(1500L, "JPY", "1500 JPY")]
    [InlineData(1234567L, "KWD", "1234.567 KWD")]
    [InlineData(123456789L, "USD", "1234567.89 USD")]
    public void ToString_WritesMajorUnitsWithTheCurrencysDigits(long minor, string code, string expected)
    {
        var amount = Amount.Of(minor, code);

        amount.ToString().Should().Be(expected);
        Amount.Parse(expected).Should().Be(amount);
    }

    [Fact]
    public void Format_UsesTheCulturesSeparators()
    {
        Amount.Of(123456, "EUR").Format(CultureInfo.GetCultureInfo("de-DE")).Should().Be("1.234,56 EUR");
        Amount.Of(123456, "EUR").Format(CultureInfo.GetCultureInfo("en-US")).Should().Be("1,234.56 EUR");
    }

    [Theory]
    [InlineData("19.999 EUR")]
    [InlineData("10.5 JPY")]
    [InlineData("10 XYZ")]
    [InlineData("10 eur")]
    [InlineData("EUR 10")]
    [InlineData("ten EUR")]
    [InlineData("")]
    [InlineData("99999999999999999999 EUR")]
    public void TryParse_RejectsWhatIsNotAnExactAmount(string text)
    {
        Amount.TryParse(text, out _).Should().BeFalse();
        ((Action)(() => Amount.Parse(text))).Should().Throw<FormatException>();
    }

    [Fact]
    public void FromMajor_RefusesMoreDecimalsThanTheCurrencyHas()
    {
        Amount.FromMajor(19.99m, Currency.EUR).MinorUnits.Should().Be(1999);
        Amount.FromMajor(1500m, Currency.JPY).MinorUnits.Should().Be(1500);
        Amount.Of(1999, "EUR").ToMajor().Should().Be(19.99m);

        var tooPrecise = () => Amount.FromMajor(0.001m, Currency.EUR);
        tooPrecise.Should().Throw<ArgumentException>().WithMessage("0.001 has more than 2 decimal places for EUR*");
    }

    [Fact]
    public void AnAmountNeedsACurrency()
    {
        var withoutCurrency = () => new Amount(100, default);

        withoutCurrency.Should().Throw<ArgumentException>();
    }
}
