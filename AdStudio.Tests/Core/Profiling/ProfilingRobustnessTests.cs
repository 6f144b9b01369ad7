using AdStudio.Core.Events;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Core.Shoppers;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Profiling;

public sealed class ProfilingRobustnessTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.Open();
        db.Shoppers.AddRange(
            new Shopper { Id = "normal", AllowsPersonalisation = true, AllowsMeasurement = true },
            new Shopper { Id = "extreme", AllowsPersonalisation = true, AllowsMeasurement = true });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Run_ShopperWithAmountAndDwellOf1e308_SucceedsWithFiniteProfiles()
    {
        var at = _clock.Now.UtcDateTime.AddDays(-1);
        await using (var db = _db.Open())
        {
            // Straight into the database: the edge's validation never sees these.
            db.BehaviourEvents.AddRange(
                Purchase("normal", at, 20),
                Purchase("normal", at.AddMinutes(1), 40),
                View("normal", at.AddMinutes(2), 30),
                Purchase("extreme", at, 1e308),
                Purchase("extreme", at.AddMinutes(1), 1e308),
                View("extreme", at.AddMinutes(2), 1e308),
                View("extreme", at.AddMinutes(3), double.PositiveInfinity));
            await db.SaveChangesAsync();
        }

        var summary = await Step().RunAsync(new Progress<double>(), CancellationToken.None);

        await using var check = _db.Open();
        var profiles = await check.Profiles.AsNoTracking().OrderBy(p => p.ShopperId).ToListAsync();
        Assert.StartsWith("Full run: profiled 2 shopper(s)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", summary, StringComparison.Ordinal);
        var extreme = profiles.Single(p => p.ShopperId == "extreme");
        Assert.Equal(2e12, extreme.Spend30d);
        Assert.Equal(2e12, extreme.Spend90d);
        Assert.Equal(1e6, extreme.AverageDwellSeconds);
        // The category mean (30, from the normal purchases) leaves out amounts over the bound; each ratio is capped at 100.
        Assert.Equal(1 - 100, extreme.PriceSensitivity);
        var normal = profiles.Single(p => p.ShopperId == "normal");
        Assert.Equal(60, normal.Spend30d);
        Assert.Equal(30, normal.AverageDwellSeconds);
        Assert.Equal(1 - (((20 / 30.0) + (40 / 30.0)) / 2), normal.PriceSensitivity!.Value, 12);
    }

    [Fact]
    public void IsFinite_ValuesWithNaNOrInfinity_IsFalse()
    {
        var finite = ProfileCalculator.Compute([View("s", _clock.Now.UtcDateTime.AddHours(-1), 5)], _clock.Now.UtcDateTime, new Dictionary<string, double>(), TimeZoneInfo.Utc);

        Assert.True(ProfileCalculator.IsFinite(finite));
        Assert.False(ProfileCalculator.IsFinite(finite with { Spend90d = double.PositiveInfinity }));
        Assert.False(ProfileCalculator.IsFinite(finite with { PriceSensitivity = double.NaN }));
        Assert.False(ProfileCalculator.IsFinite(finite with { Interests = new Dictionary<string, double> { ["books"] = double.NaN } }));
    }

    [Fact]
    public void Summary_SkippedShoppers_CountsByReasonWithoutIds()
    {
        var skipped = new SkippedShoppers();
        skipped.Add("whose profile would not be finite");
        skipped.Add("whose events could not be profiled (OverflowException)");
        skipped.Add("whose profile would not be finite");

        var summary = skipped.Summary();

        Assert.Equal(" 3 shopper(s) skipped: 1 whose events could not be profiled (OverflowException); 2 whose profile would not be finite.", summary);
        Assert.Equal("", new SkippedShoppers().Summary());
    }

    private ProfilingStep Step()
    {
        var index = new AudienceIndex(new AudienceLoader(_db.Factory), _clock);
        return new(_db.Factory, new AudienceLoader(_db.Factory), index, new SegmentMaterializer(_db.Factory), new ClusterMembership(_db.Factory),
            TestShop.Options(), _clock);
    }

    private static BehaviourEvent Purchase(string shopper, DateTime at, double amount) => new()
    {
        ShopperId = shopper,
        Type = BehaviourEventType.Purchase,
        Category = "books",
        ProductId = "b-1",
        Amount = amount,
        OccurredAt = at,
    };

    private static BehaviourEvent View(string shopper, DateTime at, double dwell) => new()
    {
        ShopperId = shopper,
        Type = BehaviourEventType.View,
        Category = "books",
        ProductId = "b-1",
        DwellSeconds = dwell,
        OccurredAt = at,
    };
}
