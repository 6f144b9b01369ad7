using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Serving;

/// <summary>A withdrawal of personalisation takes effect on the next serving snapshot, before any row of the shopper is deleted.</summary>
public sealed class WithdrawalRefreshTests : IAsyncLifetime
{
    private const string Shopper = "both";
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task RefreshAsync_AfterWithdrawal_ServesTheShopperAsAnUnknownVisitor()
    {
        // Arrange: a serving node with the shopper's traits, segments and model features loaded.
        var world = await ConsentWorld.CreateAsync(_db);
        await world.ActivateClickModelAsync();
        var holder = new SnapshotHolder();
        using var refresher = Refresher(world, holder);
        Assert.True(await refresher.RefreshAsync(CancellationToken.None));
        var before = holder.Current;
        var engine = new DecisionEngine(explorationRate: 0);
        var unknownRate = engine.Decide(before, ConsentWorld.Stranger, ConsentWorld.Placement, world.Now, new Random(1))!.ClickRate;
        Assert.Equal([world.NorthSegmentId], before.SegmentsOf(Shopper));
        Assert.Equal("north", before.TraitsOf(Shopper).Region);
        Assert.True(before.Models.FeaturesOf(Shopper).EventCount > 0);
        Assert.NotEqual(unknownRate, engine.Decide(before, Shopper, ConsentWorld.Placement, world.Now, new Random(1))!.ClickRate);

        // Act
        await world.SetConsentAsync(Shopper, personalisation: false, measurement: true);
        Assert.True(await refresher.RefreshAsync(CancellationToken.None));

        // Assert: the new snapshot holds nothing personal of the shopper, although their rows are still stored.
        var after = holder.Current;
        Assert.Empty(after.SegmentsOf(Shopper));
        Assert.Equal(ShopperTraits.Unknown, after.TraitsOf(Shopper));
        Assert.Equal(0, after.Models.FeaturesOf(Shopper).EventCount);
        Assert.All(after.Models.FeaturesOf(Shopper).Interests, share => Assert.Equal(0, share));
        Assert.Equal(unknownRate, engine.Decide(after, Shopper, ConsentWorld.Placement, world.Now, new Random(1))!.ClickRate);
        await using var db = _db.Open();
        Assert.True(await db.Profiles.AnyAsync(p => p.ShopperId == Shopper));
        Assert.True(await db.SegmentMembers.AnyAsync(m => m.ShopperId == Shopper));
    }

    [Fact]
    public async Task RefreshAsync_ConsentGivenAgain_ServesTheShopperPersonallyAgain()
    {
        // Arrange: withdrawn and refreshed, then consenting again (their profile was never deleted).
        var world = await ConsentWorld.CreateAsync(_db);
        await world.ActivateClickModelAsync();
        var holder = new SnapshotHolder();
        using var refresher = Refresher(world, holder);
        await world.SetConsentAsync(Shopper, personalisation: false, measurement: true);
        await refresher.RefreshAsync(CancellationToken.None);
        Assert.Equal(0, holder.Current.Models.FeaturesOf(Shopper).EventCount);

        // Act
        await world.SetConsentAsync(Shopper, personalisation: true, measurement: true);
        await refresher.RefreshAsync(CancellationToken.None);

        // Assert
        Assert.True(holder.Current.Models.FeaturesOf(Shopper).EventCount > 0);
        Assert.Equal("north", holder.Current.TraitsOf(Shopper).Region);
        Assert.Equal([world.NorthSegmentId], holder.Current.SegmentsOf(Shopper));
    }

    /// <summary>One loader across refreshes, as on a serving node: its cache of model features must notice the withdrawal.</summary>
    private static SnapshotRefresher Refresher(ConsentWorld world, SnapshotHolder holder) => new(
        world.Snapshots(new ActiveModelLoader(world.Files, world.Clock)), holder, new FrequencyCounter(),
        Options.Create(new ServingOptions()), world.Clock, NullLogger<SnapshotRefresher>.Instance);
}
