using AdStudio.Core.Shop;

namespace AdStudio.Tests.Support;

/// <summary>Shop settings for tests: some or all of the standard placements, in UTC.</summary>
public static class TestShop
{
    /// <summary>The named standard placements (all four when none are named).</summary>
    public static ShopOptions With(params string[] placements)
    {
        var standard = StandardPlacements.Create();
        return new ShopOptions
        {
            Placements = placements.Length == 0 ? standard : placements.ToDictionary(name => name, name => standard[name], StringComparer.Ordinal),
        };
    }

    public static Microsoft.Extensions.Options.IOptions<ShopOptions> Options(params string[] placements) =>
        Microsoft.Extensions.Options.Options.Create(With(placements));
}
