using System.Globalization;
using AdStudio.Core.Shop;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Components.Common;

/// <summary>
/// Formats amounts in the shop's currency (<c>Shop:Currency</c>) with its usual symbol where one is known
/// (€ 1,234.50, $ 1,234.50), else with the ISO code, and always with invariant digits so numbers read alike everywhere.
/// </summary>
public sealed class ShopMoney
{
    private static readonly CultureInfo Digits = CultureInfo.InvariantCulture;

    public ShopMoney(IOptions<ShopOptions> options)
    {
        Currency = options.Value.Currency;
        Symbol = SymbolOf(Currency);
    }

    /// <summary>The ISO 4217 code, e.g. <c>EUR</c>.</summary>
    public string Currency { get; }

    /// <summary>The symbol shown before amounts, e.g. <c>€</c>; the code itself when no culture knows a symbol.</summary>
    public string Symbol { get; }

    /// <summary>An amount with two decimals: <c>€ 1,234.50</c>; negative amounts lead with the sign.</summary>
    public string Format(double value) =>
        (value < 0 ? "−" : "") + Symbol + " " + Math.Abs(value).ToString("N2", Digits);

    /// <summary>An amount without decimals for large totals: <c>€ 12,345</c>.</summary>
    public string FormatWhole(double value) =>
        (value < 0 ? "−" : "") + Symbol + " " + Math.Abs(value).ToString("N0", Digits);

    private static string SymbolOf(string currency)
    {
        // RegionInfo knows each country's currency and its symbol; the first region using the code gives the symbol.
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (string.Equals(region.ISOCurrencySymbol, currency, StringComparison.Ordinal))
            {
                return region.CurrencySymbol;
            }
        }

        return currency;
    }
}
