using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Tests.Support;

/// <summary>Small, valid shop data for tests that need a campaign with creatives.</summary>
public static class ShopData
{
    public static async Task<(Campaign Campaign, List<Creative> Creatives)> AddCampaignAsync(AdStudioDb db, int creatives, string name = "Books")
    {
        var list = Enumerable.Range(1, creatives).Select(i => new Creative
        {
            Name = $"c{i}",
            Headline = $"Headline {i}",
            LandingUrl = "https://shop.example",
            Category = "books",
            ImageUrl = $"/demo/{i}.png",
            Width = 300,
            Height = 250,
        }).ToList();
        var campaign = new Campaign { Name = name, BidType = BidType.Cpc, Bid = 0.5, DailyBudget = 10, TotalBudget = 100, Creatives = list };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return (campaign, list);
    }
}
