using System.Collections.Frozen;
using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using AdStudio.Tests.Support;
using static AdStudio.Tests.Support.EventFactory;

namespace AdStudio.Tests.Core.Serving;

public sealed class StoredImpressionCounterTests : IAsyncLifetime
{
    private static readonly DateOnly ShopDay = DateOnly.FromDateTime(Day);
    private readonly FrequencyCounter _frequency = new();
    private readonly SnapshotHolder _snapshots = new();
    private TestDatabase _db = null!;
    private EventStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new EventStore(_db.Factory);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private StoredImpressionCounter Counter() => new(_frequency, _snapshots);

    private int Seen(string shopperId, int campaignId, DateOnly day) => _frequency.SeenOn(ServingSnapshot.Empty, shopperId, campaignId, day);

    [Fact]
    public async Task CountStored_SameImpressionStoredAgain_CountsOnlyTheFirst()
    {
        AdEvent[] first = [Ad(AdEventType.Impression, "d1"), Ad(AdEventType.Click, "d1"), Ad(AdEventType.Impression, "d2", campaignId: 2)];
        AdEvent[] again = [Ad(AdEventType.Impression, "d1"), Ad(AdEventType.Impression, "d1")];

        await _store.WriteAsync(new EventBatch([], first), CancellationToken.None);
        var countedFirst = Counter().CountStored(first);
        await _store.WriteAsync(new EventBatch([], again), CancellationToken.None);
        var countedAgain = Counter().CountStored(again);

        Assert.Equal((2, 0), (countedFirst, countedAgain));
        Assert.Equal((1, 1), (Seen("shopper-1", 1, ShopDay), Seen("shopper-1", 2, ShopDay)));
    }

    [Fact]
    public async Task CountStored_DuplicateInsideOneBatch_CountsOnce()
    {
        AdEvent[] batch = [Ad(AdEventType.Impression, "d1"), Ad(AdEventType.Impression, "d1")];

        await _store.WriteAsync(new EventBatch([], batch), CancellationToken.None);
        var counted = Counter().CountStored(batch);

        Assert.Equal(1, counted);
        Assert.Equal(1, Seen("shopper-1", 1, ShopDay));
    }

    [Fact]
    public void CountStored_EventsNotWritten_CountNothing()
    {
        var counted = Counter().CountStored([Ad(AdEventType.Impression, "d1")]);

        Assert.Equal(0, counted);
        Assert.Equal(0, Seen("shopper-1", 1, ShopDay));
    }

    [Fact]
    public async Task CountStored_ImpressionLateInTheUtcDay_CountsOnTheShopsDay()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        _snapshots.TrySwap(new ServingSnapshot(
            Day, [], FrozenDictionary<string, PlacementSize>.Empty, FrozenDictionary<string, int[]>.Empty, tokyo)
        { Version = 1 });
        AdEvent[] late = [Ad(AdEventType.Impression, "d1", at: Day.Date.AddHours(20))];

        await _store.WriteAsync(new EventBatch([], late), CancellationToken.None);
        Counter().CountStored(late);

        Assert.Equal((0, 1), (Seen("shopper-1", 1, ShopDay), Seen("shopper-1", 1, ShopDay.AddDays(1))));
    }
}
