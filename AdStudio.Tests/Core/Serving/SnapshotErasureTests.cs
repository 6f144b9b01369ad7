using System.Collections.Frozen;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;

namespace AdStudio.Tests.Core.Serving;

public sealed class SnapshotErasureTests
{
    private const string Erased = "erased-shopper";
    private const string Kept = "kept-shopper";

    /// <summary>A snapshot holding both shoppers in every per-shopper part: segments, today's impressions, traits, model features.</summary>
    private static ServingSnapshot Full(DateTime builtAt, long version)
    {
        var features = new Dictionary<string, ShopperFeatures>
        {
            [Erased] = new([0.5], 3, 1, null, 0, 1, 0),
            [Kept] = new([0.2], 1, 0, null, 0, 1, 0),
        }.ToFrozenDictionary();
        return new ServingSnapshot(
            builtAt,
            [],
            new Dictionary<string, PlacementSize> { ["sidebar"] = new() { Width = 300, Height = 250 } }.ToFrozenDictionary(),
            new Dictionary<string, int[]> { [Erased] = [1, 2], [Kept] = [1] }.ToFrozenDictionary(),
            null,
            new Dictionary<(string, int), int> { [(Erased, 7)] = 2, [(Erased, 8)] = 1, [(Kept, 7)] = 1 }.ToFrozenDictionary(),
            new Dictionary<string, ShopperTraits> { [Erased] = new("north", "books"), [Kept] = new("south", "toys") }.ToFrozenDictionary(),
            new ServingModels(null, null, ["books"], features))
        {
            Version = version,
        };
    }

    private static void AssertHoldsNothingOfTheErased(ServingSnapshot snapshot)
    {
        Assert.Empty(snapshot.SegmentsOf(Erased));
        Assert.Equal(0, snapshot.ImpressionsToday(Erased, 7));
        Assert.Same(ShopperTraits.Unknown, snapshot.TraitsOf(Erased));
        Assert.Equal(0, snapshot.Models.FeaturesOf(Erased).EventCount);
        Assert.Equal(1, snapshot.Models.Shoppers);
    }

    [Fact]
    public void Without_ShopperInEveryPart_DropsThemEverywhereAndKeepsOthers()
    {
        // Arrange
        var snapshot = Full(SnapshotFactory.Now, 4);

        // Act
        var (copy, removed) = snapshot.Without(Erased);

        // Assert
        Assert.Equal(5, removed);
        AssertHoldsNothingOfTheErased(copy);
        Assert.Equal([1], copy.SegmentsOf(Kept));
        Assert.Equal(1, copy.ImpressionsToday(Kept, 7));
        Assert.Equal("south", copy.TraitsOf(Kept).Region);
        Assert.Equal(1, copy.Models.FeaturesOf(Kept).EventCount);
        Assert.Equal(4, copy.Version);
        Assert.Equal(snapshot.BuiltAt, copy.BuiltAt);
    }

    [Fact]
    public void Forget_CurrentSnapshot_RemovesTheShopperAtOnce()
    {
        // Arrange
        var holder = new SnapshotHolder();
        holder.TrySwap(Full(SnapshotFactory.Now, 1));

        // Act
        var removed = holder.Forget(Erased, SnapshotFactory.Now.AddMinutes(1));

        // Assert
        Assert.Equal(5, removed);
        AssertHoldsNothingOfTheErased(holder.Current);
    }

    [Fact]
    public void TrySwap_BuildStartedBeforeTheErasure_IsSwappedInWithoutTheShopper()
    {
        // Arrange
        var holder = new SnapshotHolder();
        holder.TrySwap(Full(SnapshotFactory.Now, 1));
        holder.Forget(Erased, SnapshotFactory.Now.AddMinutes(1));

        // Act: a build that read the database before the erasure committed finishes afterwards.
        var swapped = holder.TrySwap(Full(SnapshotFactory.Now.AddSeconds(30), 2));

        // Assert
        Assert.True(swapped);
        AssertHoldsNothingOfTheErased(holder.Current);
    }

    [Fact]
    public void TrySwap_BuildStartedAfterTheErasure_IsTakenAsIsAndSettlesIt()
    {
        // Arrange
        var holder = new SnapshotHolder();
        holder.TrySwap(Full(SnapshotFactory.Now, 1));
        holder.Forget(Erased, SnapshotFactory.Now.AddMinutes(1));
        var later = Full(SnapshotFactory.Now.AddMinutes(2), 2);

        // Act
        holder.TrySwap(later);
        var laterIsCurrent = ReferenceEquals(later, holder.Current);
        var afterSettled = Full(SnapshotFactory.Now.AddSeconds(30), 3);
        holder.TrySwap(afterSettled);

        // Assert: the later build is used unchanged (it read the database after the erasure), and the filter is gone afterwards.
        Assert.True(laterIsCurrent);
        Assert.Same(afterSettled, holder.Current);
    }

    [Fact]
    public void Forget_ShopperNotHeld_RemovesNothing()
    {
        // Arrange
        var holder = new SnapshotHolder();
        var snapshot = Full(SnapshotFactory.Now, 1);
        holder.TrySwap(snapshot);

        // Act
        var removed = holder.Forget("someone-else", SnapshotFactory.Now.AddMinutes(1));

        // Assert
        Assert.Equal(0, removed);
        Assert.Same(snapshot, holder.Current);
    }
}
