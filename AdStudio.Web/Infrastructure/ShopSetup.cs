using AdStudio.Core.Shop;
using AdStudio.Web.Components.Common;

namespace AdStudio.Web.Infrastructure;

public static class ShopSetup
{
    /// <summary>Shop-wide settings (<c>Shop:*</c>) and the money format every page uses.</summary>
    public static IHostApplicationBuilder AddShop(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ShopOptions>(ShopOptions.SectionName);
        builder.Services.AddSingleton<ShopMoney>();
        return builder;
    }
}
