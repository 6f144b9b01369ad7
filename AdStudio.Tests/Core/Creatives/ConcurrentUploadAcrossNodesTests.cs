using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Creatives;

/// <summary>
/// Two nodes (two creative services, so no shared in-process lock) store the same new image at once on the database
/// file store; the batch that fails never takes the other's file with it, because the files are rows in each batch's
/// own transaction.
/// </summary>
/// <remarks>PostgreSQL only: several nodes exist only there (SQLite is one node, see <see cref="ConcurrentUploadTests"/>).</remarks>
[Trait("Storage", "PostgresOnly")]
public sealed class ConcurrentUploadAcrossNodesTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Upload_SameImageOnTwoNodesWhileOneBatchFails_KeepsTheFileTheCommittedRowUses()
    {
        // Arrange: node A's commit is held, then fails; node B uploads the same image meanwhile.
        var heldCommit = new HeldFirstCommit();
        var factoryA = new PooledDbContextFactory<AdStudioDb>(
            (DbContextOptions<AdStudioDb>)_db.Target.Configure(new DbContextOptionsBuilder<AdStudioDb>()).AddInterceptors(heldCommit).Options);
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        var nodeA = new CreativeService(factoryA, new CreativeStore(new DatabaseFileStore(factoryA, clock)), Options.Create(new CreativeOptions()), TestShop.Options("sidebar"), clock);
        var storeB = new CreativeStore(new DatabaseFileStore(_db.Factory, clock));
        var nodeB = new CreativeService(_db.Factory, storeB, Options.Create(new CreativeOptions()), TestShop.Options("sidebar"), clock);
        var image = TestImages.Png(300, 250);

        // Act
        var failing = Task.Run(() => nodeA.UploadAsync("first.png", image, "maria", CancellationToken.None));
        await heldCommit.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var succeeding = Task.Run(() => nodeB.UploadAsync("second.png", image, "omar", CancellationToken.None));
        // B's insert of the same file waits on A's uncommitted row: the database shows it waiting on a lock.
        await Poll.UntilAsync(WaitingOnALockAsync, waiting => waiting > 0 || succeeding.IsCompleted, TimeSpan.FromSeconds(30), "node B to wait for node A's file row");
        heldCommit.Release.SetResult();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        var created = await succeeding;

        // Assert
        var file = await storeB.ReadAsync(created.ImageUrl[CreativeStore.PublicPrefix.Length..], CancellationToken.None);
        Assert.True(file is not null, "The committed creative's image was removed by the batch that failed.");
        await using var db = _db.Open();
        Assert.Equal(["second"], await db.Creatives.Select(c => c.Name).ToListAsync());
    }

    private async Task<int> WaitingOnALockAsync()
    {
        await using var db = _db.Open();
        return await db.Database
            .SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""")
            .SingleAsync();
    }
}
