using AdStudio.Core.Events;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Core.Shoppers;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Profiling;

public sealed class ProfilingStepTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private AudienceIndex _index = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.Open();
        db.Shoppers.AddRange(
            new Shopper { Id = "yes-1", AllowsPersonalisation = true, AllowsMeasurement = true, Region = "north", AgeBand = "25-34" },
            new Shopper { Id = "yes-2", AllowsPersonalisation = true, AllowsMeasurement = true, Region = "south", AgeBand = "45-54" },
            new Shopper { Id = "no-1", AllowsPersonalisation = false, AllowsMeasurement = false, Region = "north", AgeBand = "25-34" });
        db.Segments.Add(new Segment { Name = "North", RuleJson = """{"all":[{"field":"region","op":"in","values":["NORTH"]}]}""" });
        db.Segments.Add(new Segment { Name = "Book fans", RuleJson = """{"all":[{"field":"interest","category":"books","op":">=","value":0.5}]}""" });
        await db.SaveChangesAsync();
        _index = new AudienceIndex(new AudienceLoader(_db.Factory), _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ProfilingStep Step() => new(
        _db.Factory, new AudienceLoader(_db.Factory), _index, new SegmentMaterializer(_db.Factory), new ClusterMembership(_db.Factory),
        TestShop.Options(), _clock);

    private async Task AddEventsAsync(params (string Shopper, string Category, int DaysAgo)[] events) =>
        await new EventStore(_db.Factory).WriteAsync(new EventBatch(
            [.. events.Select(e => new BehaviourEvent { ShopperId = e.Shopper, Type = BehaviourEventType.View, Category = e.Category, ProductId = "p", OccurredAt = _clock.Now.UtcDateTime.AddDays(-e.DaysAgo) })],
            []), CancellationToken.None);

    [Fact]
    public async Task Run_ProfilesOnlyConsentingShoppers_AndMaterialisesSegments()
    {
        await AddEventsAsync(("yes-1", "books", 1), ("yes-2", "toys", 1), ("no-1", "books", 1));

        var summary = await Step().RunAsync(new Progress<double>(), CancellationToken.None);

        await using var db = _db.Open();
        Assert.Equal(["yes-1", "yes-2"], await db.Profiles.OrderBy(p => p.ShopperId).Select(p => p.ShopperId).ToListAsync());
        var north = await db.Segments.SingleAsync(s => s.Name == "North");
        Assert.Equal(1, north.Size);
        Assert.Equal(["yes-1"], await db.SegmentMembers.Where(m => m.SegmentId == north.Id).Select(m => m.ShopperId).ToListAsync());
        Assert.Equal(1, (await db.Segments.SingleAsync(s => s.Name == "Book fans")).Size);
        Assert.Equal(2, await db.SegmentSizes.CountAsync());
        Assert.StartsWith("Full run: profiled 2", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AfterNewEvents_IsIncrementalAndUpdatesOnlyAffectedShoppers()
    {
        await AddEventsAsync(("yes-1", "books", 3), ("yes-2", "toys", 3));
        await Step().RunAsync(new Progress<double>(), CancellationToken.None);
        _clock.Now = _clock.Now.AddHours(1);
        await AddEventsAsync(("yes-2", "books", 0), ("yes-2", "books", 0));

        var summary = await Step().RunAsync(new Progress<double>(), CancellationToken.None);

        Assert.StartsWith("Incremental run: profiled 1 ", summary, StringComparison.Ordinal);
        await using var db = _db.Open();
        var profiles = await db.Profiles.OrderBy(p => p.ShopperId).ToListAsync();
        Assert.Equal(_clock.Now.UtcDateTime.AddHours(-1), profiles[0].UpdatedAt);
        Assert.Equal(_clock.Now.UtcDateTime, profiles[1].UpdatedAt);
        Assert.Equal("books,toys", profiles[1].TopCategories);
    }

    [Fact]
    public async Task Run_ShopperWithdrawsConsent_LosesProfileAndMemberships()
    {
        await AddEventsAsync(("yes-1", "books", 1));
        await Step().RunAsync(new Progress<double>(), CancellationToken.None);
        await using (var db = _db.Open())
        {
            await db.Shoppers.Where(s => s.Id == "yes-1").ExecuteUpdateAsync(s => s.SetProperty(x => x.AllowsPersonalisation, false));
        }

        await Step().RunAsync(true, new Progress<double>(), CancellationToken.None);

        await using var after = _db.Open();
        Assert.False(await after.Profiles.AnyAsync(p => p.ShopperId == "yes-1"));
        Assert.False(await after.SegmentMembers.AnyAsync(m => m.ShopperId == "yes-1"));
    }
}
