namespace AdStudio.Core.Shop;

/// <summary>The four IAB slots that <c>appsettings.json</c> ships with and the demo's creatives are sized for.</summary>
public static class StandardPlacements
{
    public static Dictionary<string, PlacementSize> Create() => new(StringComparer.Ordinal)
    {
        ["sidebar"] = new() { Width = 300, Height = 250 },
        ["leaderboard"] = new() { Width = 728, Height = 90 },
        ["mobile"] = new() { Width = 320, Height = 50 },
        ["feed"] = new() { Width = 1200, Height = 628 },
    };

    /// <summary>Shop settings with these placements in UTC, for tools and tests that run the steps without the app.</summary>
    public static ShopOptions Shop() => new() { Placements = Create() };
}
