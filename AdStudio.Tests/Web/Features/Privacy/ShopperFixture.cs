using AdStudio.Core.Events;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Privacy;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Segments.Rules;
using AdStudio.Core.Serving;
using AdStudio.Core.Shoppers;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Privacy;

/// <summary>Puts one new shopper into every per-shopper table of the running app and every in-memory structure.</summary>
internal static class ShopperFixture
{
    public const string Region = "Erasure Region";

    public static string NewId(string what) => $"{what}-{Guid.NewGuid():N}";

    /// <summary>Rows in every table of <see cref="ShopperTables"/>; returns the campaign the shopper's ad event and predicted audience use.</summary>
    public static async Task<int> AddRowsAsync(AppHost app, string shopperId)
    {
        var now = DateTime.UtcNow;
        await using var db = app.OpenDb();
        // A draft campaign of its own, so the predicted audience row touches no demo campaign.
        var campaign = new AdStudio.Core.Campaigns.Campaign { Name = NewId("erasure campaign") };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var segment = await db.Segments.Where(s => !s.IsArchived).OrderBy(s => s.Id).FirstAsync();
        var experimentVariant = await db.Variants.OrderBy(v => v.Id).FirstOrDefaultAsync();
        db.Shoppers.Add(new Shopper { Id = shopperId, AllowsPersonalisation = true, AllowsMeasurement = true, Region = Region, FirstSeenAt = now, ConsentUpdatedAt = now });
        db.ConsentRecords.Add(new ConsentRecord { ShopperId = shopperId, Personalisation = true, Measurement = true, OccurredAt = now, RecordedAt = now, Source = ConsentSources.Event });
        db.BehaviourEvents.Add(new BehaviourEvent { ShopperId = shopperId, Type = BehaviourEventType.Purchase, Category = "books", Amount = 12, OccurredAt = now });
        db.AdEvents.Add(new AdEvent
        {
            ShopperId = shopperId,
            DecisionId = NewId("decision"),
            Type = AdEventType.Impression,
            CampaignId = campaign.Id,
            CreativeId = 0,
            ExperimentId = experimentVariant?.ExperimentId,
            VariantId = experimentVariant?.Id,
            OccurredAt = now,
        });
        db.Profiles.Add(new ShopperProfile { ShopperId = shopperId, UpdatedAt = now, TopCategories = "books", InterestsJson = "{\"books\":1}", EventCount = 1, PurchaseCount = 1 });
        db.SegmentMembers.Add(new SegmentMember { SegmentId = segment.Id, ShopperId = shopperId });
        db.ClusterAssignments.Add(new ClusterAssignment { ShopperId = shopperId, ClusterKey = "erasure-cluster" });
        db.CampaignAudiences.Add(new CampaignAudience
        {
            CampaignId = campaign.Id,
            ScoredAt = now,
            Members = [new CampaignAudienceMember { CampaignId = campaign.Id, Rank = 1, ShopperId = shopperId, ClickProbability = 0.1, ConversionProbability = 0.1, ExpectedValue = 0.1 }],
        });
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>Puts the shopper into the serving snapshot (by a rebuild), the audience index and this node's frequency counters.</summary>
    public static async Task AddToMemoryAsync(AppHost app, string shopperId, int campaignId)
    {
        Assert.True(await app.Services.GetRequiredService<SnapshotRefresher>().RefreshAsync(CancellationToken.None));
        var snapshot = app.Services.GetRequiredService<SnapshotHolder>().Current;
        app.Services.GetRequiredService<FrequencyCounter>().Record(shopperId, campaignId, snapshot.Day);
        var index = app.Services.GetRequiredService<AudienceIndex>();
        var audience = await index.GetAsync(CancellationToken.None);
        var row = new AudienceRow { ShopperId = shopperId, Region = Region, Interests = new float[audience.Categories.Count], TopCategories = ["books"] };
        index.Swap(new Audience(audience.BuiltAt, [.. audience.Rows, row], [.. audience.Categories]));
    }
}
