using System.Collections.Frozen;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using AdStudio.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Serving;

public sealed class SnapshotHolderTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TrySwap_OlderBuildFinishesLast_KeepsTheNewerSnapshot()
    {
        var builder = new SnapshotBuilder(_db.Factory, Options.Create(new ServingOptions()), TestShop.Options());
        var older = builder.BuildAsync(SnapshotFactory.Now, CancellationToken.None);
        var newer = builder.BuildAsync(SnapshotFactory.Now.AddSeconds(1), CancellationToken.None);
        var holder = new SnapshotHolder();

        var newerSwapped = holder.TrySwap(await newer);
        var olderSwapped = holder.TrySwap(await older);

        Assert.True(newerSwapped);
        Assert.False(olderSwapped);
        Assert.Same(await newer, holder.Current);
        Assert.Equal(2, holder.Current.Version);
    }

    [Fact]
    public void TrySwap_SameVersionTwice_RefusesTheSecond()
    {
        var holder = new SnapshotHolder();
        var snapshot = Versioned(3);
        var twin = Versioned(3);

        Assert.True(holder.TrySwap(snapshot));
        Assert.False(holder.TrySwap(twin));
        Assert.Same(snapshot, holder.Current);
    }

    [Fact]
    public void TrySwap_ManyThreadsRacing_EndsWithTheHighestVersion()
    {
        var holder = new SnapshotHolder();
        var snapshots = Enumerable.Range(1, 200).Select(v => Versioned(v)).Reverse().ToArray();

        Parallel.ForEach(snapshots, s => holder.TrySwap(s));

        Assert.Equal(200, holder.Current.Version);
    }

    private static ServingSnapshot Versioned(long version) =>
        new(SnapshotFactory.Now, [], FrozenDictionary<string, PlacementSize>.Empty, FrozenDictionary<string, int[]>.Empty) { Version = version };
}
