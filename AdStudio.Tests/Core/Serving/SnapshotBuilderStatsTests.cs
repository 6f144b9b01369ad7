using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Reporting;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Serving;

/// <summary>Odd but possible history never stops serving from refreshing.</summary>
public sealed class SnapshotBuilderStatsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Build_CreativeWithClicksButNoImpressions_SmoothsWithTheClicksAsTrials()
    {
        // Arrange: three clicks whose impression pixel never reached AdStudio (blocked by the browser).
        var now = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
        int creativeId;
        await using (var db = _db.Open())
        {
            var (campaign, creatives) = await ShopData.AddCampaignAsync(db, creatives: 1);
            campaign.Status = CampaignStatus.Active;
            campaign.StartsAt = now.AddDays(-1);
            creatives[0].Status = CreativeStatus.Approved;
            creativeId = creatives[0].Id;
            db.DailyRollups.Add(new DailyRollup { Date = DateOnly.FromDateTime(now), CampaignId = campaign.Id, CreativeId = creativeId, Clicks = 3 });
            await db.SaveChangesAsync();
        }

        // Act
        var snapshot = await new SnapshotBuilder(_db.Factory, Options.Create(new ServingOptions()), TestShop.Options()).BuildAsync(now, CancellationToken.None);

        // Assert: no impressions anywhere, so the prior is the 1 % default; (3 + 200 × 0.01) ÷ (3 + 200).
        Assert.Equal(5.0 / 203, snapshot.FindCreative(creativeId)!.SmoothedCtr, 12);
    }
}
