using AdStudio.Core.Shop;
using AdStudio.Web.Components.Common;

namespace AdStudio.Web.Infrastructure;

public static class ShopSetup
{
    /// <summary>Shop-wide settings (<c>Shop:*</c>, with the older <c>Serving:*</c> names still read) and the money format every page uses.</summary>
    public static IHostApplicationBuilder AddShop(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ShopOptions>(ShopOptions.SectionName)
            .PostConfigure<IConfiguration>(LegacyShopSettings.Apply)
            .Validate(o => o.Placements.Values.All(p => p.Width > 0 && p.Height > 0), "Every Shop:Placements entry needs a positive Width and Height.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Shop:TimeZone must be a time zone id such as Europe/Berlin or UTC.");
        builder.Services.AddHostedService<LegacyShopSettingsWarning>();
        builder.Services.AddSingleton<ShopMoney>();
        return builder;
    }
}
