using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Shop;

/// <summary>Shop-wide settings that every feature reads the same way (section <c>Shop</c>).</summary>
public sealed class ShopOptions
{
    public const string SectionName = "Shop";

    /// <summary>ISO 4217 code of the currency budgets, bids and revenue are kept in; only changes how money reads.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Shop:Currency must be a three-letter ISO 4217 code such as EUR or USD.")]
    public string Currency { get; set; } = "EUR";
}
