using AdStudio.Core.Shop;

namespace AdStudio.Web.Infrastructure;

/// <summary>
/// <c>Serving:TimeZone</c> and <c>Serving:Placements</c> became <c>Shop:TimeZone</c> and <c>Shop:Placements</c>; a shop's
/// existing configuration keeps working (the new name wins when both are set) and start-up warns until it is renamed.
/// </summary>
public static class LegacyShopSettings
{
    public const string TimeZoneKey = "Serving:TimeZone";
    public const string PlacementsKey = "Serving:Placements";

    /// <summary>The old keys this configuration still sets.</summary>
    public static IReadOnlyList<string> Used(IConfiguration configuration) =>
        [.. new[] { TimeZoneKey, PlacementsKey }.Where(key => configuration.GetSection(key).Exists())];

    public static void Apply(ShopOptions options, IConfiguration configuration)
    {
        if (configuration[TimeZoneKey] is { } timeZone && configuration[$"{ShopOptions.SectionName}:{nameof(ShopOptions.TimeZone)}"] is null)
        {
            options.TimeZone = timeZone;
        }

        // Binds over the defaults the way the old section did, so a shop's own slots join or resize them.
        configuration.GetSection(PlacementsKey).Bind(options.Placements);
    }
}
