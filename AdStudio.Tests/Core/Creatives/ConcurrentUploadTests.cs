using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Creatives;

/// <summary>Two batches with the same new image at once: the one that fails never takes the other's file with it.</summary>
/// <remarks>
/// SQLite only: the data-folder file store and the in-process upload lock are the one-node path; on PostgreSQL images live
/// in the database and <see cref="ConcurrentUploadAcrossNodesTests"/> covers the same race across nodes.
/// </remarks>
[Trait("Storage", "SqliteOnly")]
public sealed class ConcurrentUploadTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Upload_SameImageWhileAnotherBatchFails_KeepsTheFileTheCommittedRowUses()
    {
        // Arrange: the first batch's commit is held, then fails; the second batch carries the same image.
        var heldCommit = new HeldFirstCommit();
        var factory = new PooledDbContextFactory<AdStudioDb>(new DbContextOptionsBuilder<AdStudioDb>()
            .UseSqlite(DataOptions.SqliteConnectionString(_db.Directory)).AddInterceptors(heldCommit).Options);
        var store = new CreativeStore(new LocalFileStore(new DataPaths(_db.Directory)));
        var service = new CreativeService(factory, store, Options.Create(new CreativeOptions()), TestShop.Options("sidebar"), new FixedClock(DateTimeOffset.UtcNow));
        var image = TestImages.Png(300, 250);

        // Act
        var failing = Task.Run(() => service.UploadAsync("first.png", image, "maria", CancellationToken.None));
        await heldCommit.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var succeeding = Task.Run(() => service.UploadAsync("second.png", image, "omar", CancellationToken.None));
        // Without one batch at a time the second batch commits here, beside the held one; with it, it waits.
        await Task.WhenAny(succeeding, Task.Delay(TimeSpan.FromSeconds(2)));
        heldCommit.Release.SetResult();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        var created = await succeeding;

        // Assert
        var file = await store.ReadAsync(created.ImageUrl[CreativeStore.PublicPrefix.Length..], CancellationToken.None);
        Assert.True(file is not null, "The committed creative's image file was removed by the batch that failed.");
        await using var db = _db.Open();
        Assert.Equal(["second"], await db.Creatives.Select(c => c.Name).ToListAsync());
    }
}
