using AdStudio.Core.Events;
using AdStudio.Core.Reporting;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AdStudio.Tests.Support.EventFactory;

namespace AdStudio.Tests.Core.Events;

public sealed class EventStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private EventStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new EventStore(_db.Factory);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task WriteAsync_StoresBehaviourAndAdEvents_AndFoldsAdEventsIntoRollup()
    {
        var batch = new EventBatch(
            [View("shopper-1"), View("shopper-2", "Books")],
            [Ad(AdEventType.Impression, "d1", cost: 0.004), Ad(AdEventType.Click, "d1"), Ad(AdEventType.Conversion, "d1", revenue: 59.9)]);

        var result = await _store.WriteAsync(batch, CancellationToken.None);

        Assert.Equal(new EventWriteResult(2, 3, 0), result);
        await using var db = _db.Open();
        Assert.Equal(2, await db.BehaviourEvents.CountAsync());
        Assert.Equal(12.5, (await db.BehaviourEvents.FirstAsync()).DwellSeconds);
        var rollup = await db.DailyRollups.SingleAsync();
        Assert.Equal((DateOnly.FromDateTime(Day), 1, 11, 0), (rollup.Date, rollup.CampaignId, rollup.CreativeId, rollup.VariantId));
        Assert.Equal((1, 1, 1), (rollup.Impressions, rollup.Clicks, rollup.Conversions));
        Assert.Equal(0.004, rollup.Cost, 12);
        Assert.Equal(59.9, rollup.Revenue, 12);
    }

    [Fact]
    public async Task WriteAsync_RepeatedAdEventForSameDecision_IsCountedOnce()
    {
        await _store.WriteAsync(new EventBatch([], [Ad(AdEventType.Click, "d1", cost: 0.5), Ad(AdEventType.Click, "d1", cost: 0.5)]), CancellationToken.None);

        var again = await _store.WriteAsync(new EventBatch([], [Ad(AdEventType.Click, "d1", cost: 0.5), Ad(AdEventType.Click, "d2", cost: 0.5)]), CancellationToken.None);

        Assert.Equal(new EventWriteResult(0, 1, 1), again);
        await using var db = _db.Open();
        Assert.Equal(2, await db.AdEvents.CountAsync());
        var rollup = await db.DailyRollups.SingleAsync();
        Assert.Equal(2, rollup.Clicks);
        Assert.Equal(1.0, rollup.Cost, 12);
    }

    [Fact]
    public async Task WriteAsync_BehaviourEventIdsSeenBefore_AreStoredOnceAndCountedAsDuplicates()
    {
        static BehaviourEvent WithId(string shopper, string? eventId)
        {
            var e = View(shopper);
            e.EventId = eventId;
            return e;
        }

        var first = await _store.WriteAsync(new EventBatch([WithId("a", "e1"), WithId("a", "e1"), WithId("a", null), WithId("a", null)], []), CancellationToken.None);

        var retry = await _store.WriteAsync(new EventBatch([WithId("a", "e1"), WithId("a", "e2"), WithId("b", "e1")], []), CancellationToken.None);

        Assert.Equal(new EventWriteResult(3, 0, 0, 1), first);
        Assert.Equal(new EventWriteResult(2, 0, 0, 1), retry);
        await using var db = _db.Open();
        Assert.Equal(
            [("a", "e1"), ("a", "e2"), ("b", "e1")],
            (await db.BehaviourEvents.Where(e => e.EventId != null).ToListAsync()).Select(e => (e.ShopperId, e.EventId!)).Order());
        Assert.Equal(2, await db.BehaviourEvents.CountAsync(e => e.EventId == null));
    }

    [Fact]
    public async Task WriteAsync_MoreEventsThanOneRoundTripWithDuplicatesBetween_SetsIdsAndCountsOnlyStoredEvents()
    {
        // 1,200 events span several batches of statements (SqlBatch.ChunkSize) on PostgreSQL; duplicates are spread
        // through them, so each skipped insert's empty result must line up with its own event.
        await _store.WriteAsync(new EventBatch([], [.. Enumerable.Range(0, 300).Select(i => Ad(AdEventType.Impression, $"d{i}"))]), CancellationToken.None);
        var behaviour = Enumerable.Range(0, 1200).Select(i => WithEventId(View("a"), $"e{i / 2}")).ToList();
        var ads = Enumerable.Range(0, 1200).Select(i => Ad(AdEventType.Impression, $"d{i / 2}")).ToList();

        var result = await _store.WriteAsync(new EventBatch(behaviour, ads), CancellationToken.None);

        Assert.Equal(new EventWriteResult(600, 300, 900, 600), result);
        var expectedStored = Enumerable.Range(0, 1200).Select(i => i % 2 == 0 && i / 2 >= 300).ToList();
        Assert.Equal(expectedStored, ads.Select(e => e.Id != 0).ToList());
        await using var db = _db.Open();
        var storedIds = await db.AdEvents.ToDictionaryAsync(e => e.DecisionId, e => e.Id);
        Assert.All(ads.Where(e => e.Id != 0), e => Assert.Equal(storedIds[e.DecisionId], e.Id));
        Assert.Equal(600, await db.BehaviourEvents.CountAsync());
        Assert.Equal(600, (await db.DailyRollups.SingleAsync()).Impressions);
    }

    [Fact]
    public async Task WriteAsync_SeveralBatches_ReportsEachBatchAndCommitsAll()
    {
        var results = await _store.WriteAsync(
            [
                new EventBatch([View("a")], [Ad(AdEventType.Impression, "d1")]),
                new EventBatch([], [Ad(AdEventType.Impression, "d1"), Ad(AdEventType.Impression, "d2", variantId: 7)]),
            ],
            CancellationToken.None);

        Assert.Equal([new EventWriteResult(1, 1, 0), new EventWriteResult(0, 1, 1)], results);
        await using var db = _db.Open();
        Assert.Equal([(0, 1L), (7, 1L)], (await db.DailyRollups.OrderBy(r => r.VariantId).ToListAsync()).Select(r => (r.VariantId, r.Impressions)));
    }

    [Fact]
    public async Task RollupStep_RebuildFromRawEvents_MatchesIncrementalRollups()
    {
        var random = new Random(5);
        var events = Enumerable.Range(0, 400).Select(i => Ad(
                (AdEventType)random.Next(3),
                $"d{random.Next(150)}",
                campaignId: 1 + random.Next(3),
                creativeId: 10 + random.Next(4),
                cost: Math.Round(random.NextDouble(), 3),
                revenue: Math.Round(random.NextDouble() * 80, 2),
                at: Day.AddHours(random.Next(-72, 24))))
            .ToList();
        await _store.WriteAsync(new EventBatch([], events), CancellationToken.None);
        var incremental = await RollupsAsync();

        var summary = await new RollupStep(_db.Factory, Microsoft.Extensions.Options.Options.Create(new AdStudio.Core.Privacy.PrivacyOptions()), TimeProvider.System).RunAsync(new Progress<double>(), CancellationToken.None);

        var rebuilt = await RollupsAsync();
        Assert.Equal(incremental.Count, rebuilt.Count);
        foreach (var (expected, actual) in incremental.Zip(rebuilt))
        {
            Assert.Equal((expected.Date, expected.CampaignId, expected.CreativeId, expected.Impressions, expected.Clicks, expected.Conversions),
                (actual.Date, actual.CampaignId, actual.CreativeId, actual.Impressions, actual.Clicks, actual.Conversions));
            Assert.Equal(expected.Cost, actual.Cost, 9);
            Assert.Equal(expected.Revenue, actual.Revenue, 9);
        }

        Assert.False(string.IsNullOrWhiteSpace(summary));
    }

    private async Task<List<DailyRollup>> RollupsAsync()
    {
        await using var db = _db.Open();
        return await db.DailyRollups.AsNoTracking()
            .OrderBy(r => r.Date).ThenBy(r => r.CampaignId).ThenBy(r => r.CreativeId).ThenBy(r => r.VariantId)
            .ToListAsync();
    }

    private static BehaviourEvent WithEventId(BehaviourEvent e, string eventId)
    {
        e.EventId = eventId;
        return e;
    }
}
