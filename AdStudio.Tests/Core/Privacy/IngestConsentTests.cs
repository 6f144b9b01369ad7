using AdStudio.Core.Events;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Privacy;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Shoppers;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AdStudio.Tests.Support.EventFactory;

namespace AdStudio.Tests.Core.Privacy;

public sealed class IngestConsentTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private EventStore Store(string model = ConsentModels.OptIn) => new(_db.Factory, ConsentRules.For(model, new FixedClock(Now)));

    private static EventBatch Consent(string shopper, bool personalisation, bool measurement, DateTime at) =>
        new([], [], [new ConsentChange(shopper, personalisation, measurement, at)]);

    private static AdEvent AdOf(string shopper, AdEventType type, string decision, double cost = 0)
    {
        var adEvent = Ad(type, decision, cost: cost);
        adEvent.ShopperId = shopper;
        return adEvent;
    }

    private async Task<Shopper> ShopperAsync(string id)
    {
        await using var db = _db.Open();
        return await db.Shoppers.SingleAsync(s => s.Id == id);
    }

    [Fact]
    public async Task WriteAsync_ConsentEventsOutOfOrder_LatestWinsAndHistoryKept()
    {
        var store = Store();

        var newest = await store.WriteAsync(Consent("s1", true, false, Day.AddHours(2)), CancellationToken.None);
        var late = await store.WriteAsync(Consent("s1", false, true, Day.AddHours(1)), CancellationToken.None);

        Assert.Equal((1, 1), (newest.ConsentEvents, late.ConsentEvents));
        var shopper = await ShopperAsync("s1");
        Assert.Equal((true, false, Day.AddHours(2)), (shopper.AllowsPersonalisation, shopper.AllowsMeasurement, shopper.ConsentUpdatedAt));
        await using var db = _db.Open();
        var history = await db.ConsentRecords.Where(r => r.ShopperId == "s1").OrderBy(r => r.OccurredAt).ToListAsync();
        Assert.Equal(
            [(false, true, Day.AddHours(1), "event"), (true, false, Day.AddHours(2), "event")],
            history.Select(r => (r.Personalisation, r.Measurement, r.OccurredAt, r.Source)));
        Assert.All(history, r => Assert.Equal(Now, r.RecordedAt));
    }

    [Fact]
    public async Task WriteAsync_ExactRepeatOfConsentEvent_IsCountedAsDuplicateAndStoredOnce()
    {
        var store = Store();
        await store.WriteAsync(Consent("s1", true, true, Day), CancellationToken.None);

        var again = await store.WriteAsync(Consent("s1", true, true, Day), CancellationToken.None);

        Assert.Equal((0, 1, 1), (again.ConsentEvents, again.DuplicateConsentEvents, again.Duplicates));
        await using var db = _db.Open();
        Assert.Equal(1, await db.ConsentRecords.CountAsync());
    }

    [Theory]
    [InlineData(ConsentModels.OptIn, false, 0, 1)]
    [InlineData(ConsentModels.OptOut, true, 1, 0)]
    public async Task WriteAsync_EventsOfUnknownShopper_CreateShopperWithConsentOfTheModel(string model, bool consents, int stored, int dropped)
    {
        var result = await Store(model).WriteAsync(new EventBatch([View("new-1")], [AdOf("new-2", AdEventType.Impression, "d1")]), CancellationToken.None);

        Assert.Equal((stored, 1, dropped), (result.BehaviourEvents, result.AdEvents, result.WithoutConsent));
        foreach (var id in new[] { "new-1", "new-2" })
        {
            var shopper = await ShopperAsync(id);
            Assert.Equal((consents, consents, (DateTime?)null, Now), (shopper.AllowsPersonalisation, shopper.AllowsMeasurement, shopper.ConsentUpdatedAt, shopper.FirstSeenAt));
        }

        await using var db = _db.Open();
        Assert.Equal(consents ? "new-2" : null, (await db.AdEvents.SingleAsync()).ShopperId);
    }

    [Fact]
    public async Task WriteAsync_ConsentInSameBatch_AppliesBeforeTheBatchsEvents()
    {
        var batch = new EventBatch([View("s1")], [], [new ConsentChange("s1", true, false, Day.AddMinutes(-1))]);

        var result = await Store().WriteAsync(batch, CancellationToken.None);

        Assert.Equal((1, 1, 0), (result.ConsentEvents, result.BehaviourEvents, result.WithoutConsent));
    }

    [Fact]
    public async Task WriteAsync_BehaviourWithoutPersonalisation_IsDroppedAndCounted()
    {
        var store = Store(ConsentModels.OptOut);
        await store.WriteAsync(Consent("s1", false, true, Day), CancellationToken.None);

        var result = await store.WriteAsync(new EventBatch([View("s1"), View("s1", "Books"), View("s2")], []), CancellationToken.None);

        Assert.Equal((1, 2, 3), (result.BehaviourEvents, result.WithoutConsent, result.Stored + result.WithoutConsent));
        await using var db = _db.Open();
        Assert.Equal(["s2"], await db.BehaviourEvents.Select(e => e.ShopperId).ToListAsync());
    }

    [Fact]
    public async Task WriteAsync_AdEventsWithoutMeasurement_StoredWithoutShopperButCountedInRollup()
    {
        var store = Store();
        await store.WriteAsync(Consent("s1", true, false, Day.AddHours(-1)), CancellationToken.None);
        var impression = AdOf("s1", AdEventType.Impression, "d1", cost: 0.25);
        var click = AdOf("s1", AdEventType.Click, "d1", cost: 0.5);

        var result = await store.WriteAsync(new EventBatch([], [impression, click]), CancellationToken.None);

        Assert.Equal(2, result.AdEvents);
        // The caller's events keep the id in memory (frequency caps count it) and got their stored ids.
        Assert.Equal(("s1", true), (impression.ShopperId, impression.Id != 0));
        await using var db = _db.Open();
        Assert.Equal([null, null], await db.AdEvents.Select(e => e.ShopperId).ToListAsync());
        var rollup = await db.DailyRollups.SingleAsync();
        Assert.Equal((1, 1, 0.75), (rollup.Impressions, rollup.Clicks, Math.Round(rollup.Cost, 6)));
    }

    [Fact]
    public async Task WriteAsync_PersonalisationAndMeasurementWithdrawn_RemovesWhatEachPurposeAllowed()
    {
        var store = Store();
        await store.WriteAsync(Consent("s1", true, true, Day.AddHours(-2)), CancellationToken.None);
        await store.WriteAsync(Consent("s2", true, true, Day.AddHours(-2)), CancellationToken.None);
        await store.WriteAsync(
            new EventBatch([View("s1"), View("s2")], [AdOf("s1", AdEventType.Impression, "d1"), AdOf("s2", AdEventType.Impression, "d2")]),
            CancellationToken.None);
        await SeedDerivedRowsAsync("s1", "s2");

        var result = await store.WriteAsync(Consent("s1", false, false, Day.AddHours(1)), CancellationToken.None);

        Assert.Equal(1, result.ConsentEvents);
        await using var db = _db.Open();
        Assert.Equal(["s2"], await db.BehaviourEvents.Select(e => e.ShopperId).ToListAsync());
        Assert.Equal(["s2"], await db.Profiles.Select(p => p.ShopperId).ToListAsync());
        Assert.Equal(["s2"], await db.SegmentMembers.Select(m => m.ShopperId).ToListAsync());
        Assert.Equal(["s2"], await db.ClusterAssignments.Select(a => a.ShopperId).ToListAsync());
        Assert.Equal(["s2"], await db.CampaignAudienceMembers.Select(m => m.ShopperId).ToListAsync());
        Assert.Equal([null, "s2"], await db.AdEvents.OrderBy(e => e.DecisionId).Select(e => e.ShopperId).ToListAsync());
        Assert.Equal(2, (await db.DailyRollups.SingleAsync()).Impressions);
    }

    [Fact]
    public async Task WriteAsync_SuppressedShopper_EventsDroppedUntilConsentToAPurpose()
    {
        var store = Store(ConsentModels.OptOut);
        await using (var db = _db.Open())
        {
            db.SuppressedShoppers.Add(new SuppressedShopper { KeyHash = ConsentRules.Pseudonyms.SuppressionKey("gone"), SuppressedAt = Day });
            await db.SaveChangesAsync();
        }

        var dropped = await store.WriteAsync(
            new EventBatch([View("gone")], [AdOf("gone", AdEventType.Impression, "d1")], [new ConsentChange("gone", false, false, Day)]),
            CancellationToken.None);
        var back = await store.WriteAsync(Consent("gone", false, true, Day.AddHours(1)), CancellationToken.None);
        var after = await store.WriteAsync(new EventBatch([], [AdOf("gone", AdEventType.Impression, "d2")]), CancellationToken.None);

        Assert.Equal((3, 0, 0), (dropped.Suppressed, dropped.Stored, dropped.WithoutConsent));
        Assert.Equal((0, 1), (back.Suppressed, back.ConsentEvents));
        Assert.Equal((0, 1), (after.Suppressed, after.AdEvents));
        await using var check = _db.Open();
        Assert.Empty(await check.SuppressedShoppers.ToListAsync());
        Assert.Equal(["d2"], await check.AdEvents.Select(e => e.DecisionId).ToListAsync());
        var shopper = await check.Shoppers.SingleAsync(s => s.Id == "gone");
        Assert.Equal((false, true), (shopper.AllowsPersonalisation, shopper.AllowsMeasurement));
    }

    private async Task SeedDerivedRowsAsync(params string[] shoppers)
    {
        await using var db = _db.Open();
        var (campaign, creatives) = await ShopData.AddCampaignAsync(db, 1);
        var segment = new Segment { Name = "All" };
        db.Segments.Add(segment);
        db.Clusters.Add(new Cluster { Key = "k1", Label = "One" });
        await db.SaveChangesAsync();
        var audience = new CampaignAudience { CampaignId = campaign.Id, ScoredAt = Day };
        db.CampaignAudiences.Add(audience);
        var rank = 0;
        foreach (var shopper in shoppers)
        {
            db.Profiles.Add(new ShopperProfile { ShopperId = shopper, UpdatedAt = Day });
            db.SegmentMembers.Add(new SegmentMember { SegmentId = segment.Id, ShopperId = shopper });
            db.ClusterAssignments.Add(new ClusterAssignment { ShopperId = shopper, ClusterKey = "k1" });
            audience.Members.Add(new CampaignAudienceMember { CampaignId = campaign.Id, Rank = ++rank, ShopperId = shopper, CreativeId = creatives[0].Id });
        }

        await db.SaveChangesAsync();
    }
}
