using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Events;
using AdStudio.Core.Reporting;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Serving;

/// <summary>
/// Decision record 6: a daily budget and a daily cap both count the shop's day (midnight to midnight in
/// <c>Shop:TimeZone</c>), read from the ad events since the shop's midnight, never the UTC date of the rollups.
/// </summary>
public sealed class SnapshotShopDayTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Build_BudgetSpentYesterdayInShopTimeButTodayInUtc_CountsNothingToday()
    {
        // Arrange: New York. 02:00 UTC on the 20th is 21:00 on the 19th in the shop; 06:00 UTC is 01:00 on the 20th.
        var ad = await AddCampaignAsync(dailyBudget: 10);
        await SpendAsync(ad, cost: 10, at: Utc(20, 2));

        // Act
        var snapshot = await BuildAsync("America/New_York", Utc(20, 6));

        // Assert
        Assert.Equal(0, snapshot.Campaigns.Single().SpentToday);
        Assert.NotNull(new DecisionEngine(0).Decide(snapshot, "s1", "sidebar", Utc(20, 6), new Random(1)));
    }

    [Fact]
    public async Task Build_BudgetSpentTodayInShopTimeButYesterdayInUtc_StopsTheCampaign()
    {
        // Arrange: Berlin. 23:30 UTC on the 19th is 00:30 on the 20th in the shop, the day of 10:00 UTC on the 20th.
        var ad = await AddCampaignAsync(dailyBudget: 10);
        await SpendAsync(ad, cost: 10, at: Utc(19, 23, 30));

        // Act
        var snapshot = await BuildAsync("Europe/Berlin", Utc(20, 10));

        // Assert
        Assert.Equal(10, snapshot.Campaigns.Single().SpentToday, 9);
        Assert.Null(new DecisionEngine(0).Decide(snapshot, "s1", "sidebar", Utc(20, 10), new Random(1)));
    }

    [Fact]
    public async Task Build_SpendNotYetRolledUp_CountsToday()
    {
        // Arrange: an ad event the rollup job has not reached yet still spends today's budget.
        var ad = await AddCampaignAsync(dailyBudget: 10);
        await SpendAsync(ad, cost: 4, at: Utc(20, 9), rolledUp: false);

        // Act
        var snapshot = await BuildAsync("Europe/Berlin", Utc(20, 10));

        // Assert
        Assert.Equal(4, snapshot.Campaigns.Single().SpentToday, 9);
    }

    [Fact]
    public async Task Build_NonUtcShop_DayStartsAtTheShopsMidnight()
    {
        var snapshot = await BuildAsync("America/New_York", Utc(20, 6));

        Assert.Equal(new DateOnly(2026, 11, 20), snapshot.Day);
        Assert.Equal(Utc(20, 5), snapshot.ShopDay.StartsAt);
        Assert.Equal(Utc(21, 5), snapshot.ShopDay.EndsAt);
    }

    [Fact]
    public async Task Decide_RequestOnTheNextShopDay_CountsNoneOfTheSnapshotsSpendOrImpressions()
    {
        // Arrange: at 04:30 UTC on the 21st it is still the 20th in New York; at 05:00 UTC the shop's 21st begins.
        // The shopper's one impression (01:00 UTC, 20:00 in the shop) both spent the budget and reached the cap.
        var ad = await AddCampaignAsync(dailyBudget: 10, cap: 1);
        await SpendAsync(ad, cost: 10, at: Utc(21, 1), shopperId: "s1");
        var snapshot = await BuildAsync("America/New_York", Utc(21, 4, 30));
        var engine = new DecisionEngine(0);

        // Act
        var sameShopDay = engine.Decide(snapshot, "s1", "sidebar", Utc(21, 4, 59), new Random(1));
        var nextShopDay = engine.Decide(snapshot, "s1", "sidebar", Utc(21, 5), new Random(1));

        // Assert
        Assert.Null(sameShopDay);
        Assert.NotNull(nextShopDay);
    }

    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    private Task<ServingSnapshot> BuildAsync(string timeZone, DateTime now)
    {
        var shop = TestShop.With("sidebar");
        shop.TimeZone = timeZone;
        return new SnapshotBuilder(_db.Factory, Options.Create(new ServingOptions()), Options.Create(shop)).BuildAsync(now, CancellationToken.None);
    }

    private async Task<(int CampaignId, int CreativeId)> AddCampaignAsync(double dailyBudget, int? cap = null)
    {
        await using var db = _db.Open();
        var (campaign, creatives) = await ShopData.AddCampaignAsync(db, creatives: 1);
        campaign.Status = CampaignStatus.Active;
        campaign.DailyBudget = dailyBudget;
        campaign.FrequencyCapPerDay = cap;
        campaign.StartsAt = Utc(1, 0);
        creatives.ForEach(creative => creative.Status = CreativeStatus.Approved);
        await db.SaveChangesAsync();
        return (campaign.Id, creatives[0].Id);
    }

    /// <summary>A charged impression at <paramref name="at"/>, rolled up under its UTC date as the rollup job does.</summary>
    private async Task SpendAsync((int CampaignId, int CreativeId) ad, double cost, DateTime at, bool rolledUp = true, string shopperId = "someone")
    {
        var (campaignId, creativeId) = ad;
        await using var db = _db.Open();
        db.AdEvents.Add(new AdEvent
        {
            Type = AdEventType.Impression,
            DecisionId = Guid.NewGuid().ToString("N"),
            ShopperId = shopperId,
            CampaignId = campaignId,
            CreativeId = creativeId,
            Placement = "sidebar",
            Cost = cost,
            OccurredAt = at,
        });
        if (rolledUp)
        {
            db.DailyRollups.Add(new DailyRollup { Date = DateOnly.FromDateTime(at), CampaignId = campaignId, CreativeId = creativeId, Impressions = 1, Cost = cost });
        }

        await db.SaveChangesAsync();
    }
}
