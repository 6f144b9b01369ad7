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

    /// <summary>
    /// The shop's time zone (IANA id): its day is the day of daily budgets, frequency caps and profiling windows,
    /// and its hours are the hours of dayparting.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Ad slots of the storefront by name; creatives, campaigns, training and serving all read these.</summary>
    [MinLength(1, ErrorMessage = "Shop:Placements needs at least one placement.")]
    public Dictionary<string, PlacementSize> Placements { get; set; } = [];

    /// <summary>The time zone as a <see cref="TimeZoneInfo"/>; the setting is checked at start-up.</summary>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
