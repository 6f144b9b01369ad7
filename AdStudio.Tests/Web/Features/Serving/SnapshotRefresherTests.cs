using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Serving;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Serving;

public sealed class SnapshotRefresherTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly SnapshotHolder _holder = new();
    private readonly FrequencyCounter _frequency = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task RefreshAsync_WhileABuildRuns_StartsNoSecondBuildUntilItEnds()
    {
        var source = new GatedSource(new SnapshotBuilder(_db.Factory, Options.Create(new ServingOptions()), TestShop.Options()));
        using var refresher = Refresher(source);
        var gate = source.HoldNext();

        var first = refresher.RefreshAsync(CancellationToken.None);
        var second = refresher.RefreshAsync(CancellationToken.None);
        var startedWhileFirstRuns = source.Started;
        var secondDoneWhileFirstRuns = second.IsCompleted;
        gate.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(1, startedWhileFirstRuns);
        Assert.False(secondDoneWhileFirstRuns);
        Assert.Equal(2, source.Started);
        Assert.Equal(2, _holder.Current.Version);
        Assert.True(await first);
        Assert.True(await second);
    }

    [Fact]
    public async Task RefreshAsync_ManyCallersWaitingOnOneBuild_ShareTheNextBuild()
    {
        var source = new GatedSource(new SnapshotBuilder(_db.Factory, Options.Create(new ServingOptions()), TestShop.Options()));
        using var refresher = Refresher(source);
        var gate = source.HoldNext();
        var first = refresher.RefreshAsync(CancellationToken.None);

        var waiting = Enumerable.Range(0, 5).Select(_ => refresher.RefreshAsync(CancellationToken.None)).ToArray();
        gate.SetResult();
        await Task.WhenAll([first, .. waiting]);

        Assert.Equal(2, source.Started);
        Assert.Equal(2, _holder.Current.Version);
    }

    [Fact]
    public async Task RefreshAsync_BuildFails_KeepsSnapshotAndLiveFrequencyCounts()
    {
        using var refresher = Refresher(new SnapshotBuilder(_db.Factory, Options.Create(new ServingOptions()), TestShop.Options()));
        await refresher.RefreshAsync(CancellationToken.None);
        var before = _holder.Current;
        _frequency.Record("s1", 3, Today);
        _frequency.Record("s1", 3, Today);
        var unmigrated = TempFolder.Create("unmigrated");
        try
        {
            // A database without tables: the real builder fails on its first query.
            var broken = new PooledDbContextFactory<AdStudioDb>(
                new DbContextOptionsBuilder<AdStudioDb>().UseSqlite(DataOptions.SqliteConnectionString(unmigrated)).Options);
            using var failing = Refresher(new SnapshotBuilder(broken, Options.Create(new ServingOptions()), TestShop.Options()));

            var refreshed = await failing.RefreshAsync(CancellationToken.None);

            Assert.False(refreshed);
            Assert.Same(before, _holder.Current);
            Assert.Equal(2, _frequency.SeenOn(_holder.Current, "s1", 3, Today));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempFolder.Delete(unmigrated);
        }
    }

    [Fact]
    public async Task RefreshAsync_ImpressionDuringTheBuild_IsStillCountedAfterTheSwap()
    {
        var source = new GatedSource(new SnapshotBuilder(_db.Factory, Options.Create(new ServingOptions()), TestShop.Options()));
        using var refresher = Refresher(source);
        _frequency.Record("s1", 3, Today);
        var gate = source.HoldNext();

        var refresh = refresher.RefreshAsync(CancellationToken.None);
        _frequency.Record("s1", 3, Today);
        gate.SetResult();
        await refresh;

        // The impression before the build is the database's to report; the one during it must not be lost.
        Assert.Equal(1, _frequency.SeenOn(_holder.Current, "s1", 3, Today));
    }

    [Theory]
    [InlineData(PipelineSteps.Seed, 1)]
    [InlineData(PipelineSteps.Profile, 1)]
    [InlineData(PipelineSteps.Train, 1)]
    [InlineData(PipelineSteps.Score, 0)]
    public async Task StepSucceededAsync_StepServingReads_RefreshesAtOnce(string step, int builds)
    {
        var source = new GatedSource(new SnapshotBuilder(_db.Factory, Options.Create(new ServingOptions()), TestShop.Options()));
        using var refresher = Refresher(source);

        await refresher.StepSucceededAsync(step, CancellationToken.None);

        Assert.Equal(builds, source.Started);
    }

    private SnapshotRefresher Refresher(ISnapshotSource source) => new(
        source, _holder, _frequency, Options.Create(new ServingOptions()), _clock, NullLogger<SnapshotRefresher>.Instance);

    /// <summary>The real builder, with a gate a test can hold a build at so it decides the order builds end in.</summary>
    private sealed class GatedSource(SnapshotBuilder inner) : ISnapshotSource
    {
        private TaskCompletionSource? _gate;
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public TaskCompletionSource HoldNext() => _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ServingSnapshot> BuildAsync(DateTime now, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            var snapshot = await inner.BuildAsync(now, cancellationToken);
            if (Interlocked.Exchange(ref _gate, null) is { } gate)
            {
                await gate.Task;
            }

            return snapshot;
        }
    }
}
