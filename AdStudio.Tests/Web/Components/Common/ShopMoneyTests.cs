using AdStudio.Core.Shop;
using AdStudio.Web.Components.Common;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Components.Common;

public sealed class ShopMoneyTests
{
    private static ShopMoney For(string currency) => new(Options.Create(new ShopOptions { Currency = currency }));

    [Theory]
    [InlineData("EUR", 1234.5, "€ 1,234.50")]
    [InlineData("USD", 0.25, "$ 0.25")]
    [InlineData("GBP", -12, "−£ 12.00")]
    public void Format_KnownCurrency_UsesItsSymbolAndInvariantDigits(string currency, double value, string expected) =>
        Assert.Equal(expected, For(currency).Format(value));

    [Fact]
    public void Format_CodeNoCultureUses_ShowsTheCode() =>
        Assert.Equal("XTS 5.00", For("XTS").Format(5));

    [Fact]
    public void FormatWhole_LargeTotal_DropsDecimals() =>
        Assert.Equal("€ 12,346", For("EUR").FormatWhole(12_345.6));

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void Validation_NotAThreeLetterCode_IsRefused(string currency)
    {
        var options = new ShopOptions { Currency = currency };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
    }
}
