using AdStudio.Core.Campaigns;

namespace AdStudio.Web.Features.Campaigns;

public static class CampaignsSetup
{
    public static IHostApplicationBuilder AddCampaigns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CampaignService>();
        return builder;
    }
}
