using AdStudio.Core.Shop;
using AdStudio.Tests.Support;
using AdStudio.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AdStudio.Tests.Web.Infrastructure;

/// <summary>The renamed <c>Serving:TimeZone</c> and <c>Serving:Placements</c> still configure the shop, with a warning.</summary>
public sealed class LegacyShopSettingsTests
{
    [Fact]
    public void Apply_OnlyOldNames_ConfigureTheShop()
    {
        var configuration = Configuration(new()
        {
            ["Serving:TimeZone"] = "Europe/Berlin",
            ["Serving:Placements:banner:Width"] = "468",
            ["Serving:Placements:banner:Height"] = "60",
        });
        var shop = new ShopOptions();

        LegacyShopSettings.Apply(shop, configuration);

        Assert.Equal("Europe/Berlin", shop.TimeZone);
        Assert.Equal("468×60", shop.Placements["banner"].ToString());
        Assert.Equal(["Serving:TimeZone", "Serving:Placements"], LegacyShopSettings.Used(configuration));
    }

    [Fact]
    public void Apply_BothNames_TheNewTimeZoneWins()
    {
        var configuration = Configuration(new() { ["Serving:TimeZone"] = "Europe/Berlin", ["Shop:TimeZone"] = "America/New_York" });
        var shop = new ShopOptions { TimeZone = "America/New_York" };

        LegacyShopSettings.Apply(shop, configuration);

        Assert.Equal("America/New_York", shop.TimeZone);
    }

    [Fact]
    public void Apply_NewNamesOnly_ChangesNothingAndWarnsNothing()
    {
        var configuration = Configuration(new() { ["Shop:TimeZone"] = "Asia/Tokyo" });
        var shop = new ShopOptions { TimeZone = "Asia/Tokyo", Placements = StandardPlacements.Create() };

        LegacyShopSettings.Apply(shop, configuration);

        Assert.Equal("Asia/Tokyo", shop.TimeZone);
        Assert.Equal(4, shop.Placements.Count);
        Assert.Empty(LegacyShopSettings.Used(configuration));
    }

    [Fact]
    public async Task Warning_OldNameInUse_NamesOldAndNewKey()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var warning = new LegacyShopSettingsWarning(Configuration(new() { ["Serving:TimeZone"] = "UTC" }), factory.CreateLogger<LegacyShopSettingsWarning>());

        await warning.StartAsync(CancellationToken.None);

        var entry = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("Serving:TimeZone", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Shop:TimeZone", entry.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
