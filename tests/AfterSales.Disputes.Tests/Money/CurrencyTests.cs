using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Tests.Money;

public class CurrencyTests
{
    [Theory]
    [InlineData("CNY", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("BHD", 3)]
    [InlineData("CLF", 4)]
    public void Of_KnowsTheMinorUnitDigits(string code, int digits)
    {
        Currency.Of(code).MinorDigits.Should().Be(digits);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void Of_RejectsCodesThatAreNotIso4217(string code)
    {
        var of = () => Currency.Of(code);

        of.Should().Throw<ArgumentException>().WithMessage($"'{code}' is not an ISO 4217 currency code*");
        Currency.TryOf(code, out _).Should().BeFalse();
    }

    [Fact]
    public void CurrenciesWithTheSameCodeAreEqual()
    {
        Currency.Of("EUR").Should().Be(Currency.EUR);
        Currency.EUR.ToString().Should().Be("EUR");
    }
}
