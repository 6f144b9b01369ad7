using System.Text;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Core.Creatives;

/// <summary>The creative store on both file stores: the data folder (one SQLite node) and the database (every node).</summary>
public sealed class CreativeStoreTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SaveAsync_InspectedImage_WritesItsBytesAsTheyAreWithoutDecodingThemAgain(bool inDatabase)
    {
        // Arrange: bytes no decoder could read, so a store that decoded (for a thumbnail, say) would throw.
        var store = new CreativeStore(Files(inDatabase));
        var image = new InspectedImage(ImageFormat.Png, 300, 250, Encoding.UTF8.GetBytes("clean pixels"), "png", "image/png", Encoding.UTF8.GetBytes("thumbnail"));

        // Act
        var stored = await SaveCommittedAsync(store, image);

        // Assert
        Assert.Equal("clean pixels", Encoding.UTF8.GetString((await store.ReadAsync(stored.ImageUrl[CreativeStore.PublicPrefix.Length..], CancellationToken.None))!));
        Assert.Equal("thumbnail", Encoding.UTF8.GetString((await store.ReadAsync(stored.ThumbnailUrl[CreativeStore.PublicPrefix.Length..], CancellationToken.None))!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dispose_BatchNotKept_RemovesOnlyTheFilesItCreated(bool inDatabase)
    {
        // Arrange
        var store = new CreativeStore(Files(inDatabase));
        var earlier = new InspectedImage(ImageFormat.Png, 300, 250, [1, 2, 3], "png", "image/png", [4]);
        var kept = await SaveCommittedAsync(store, earlier);

        // Act: a batch that stores the same image and a new one, then rolls back.
        StoredImage dropped;
        using (var second = store.BeginBatch())
        {
            await using var db = _db.Open();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await second.SaveAsync(db, earlier, CancellationToken.None);
            dropped = await second.SaveAsync(db, earlier with { Clean = [9, 9] }, CancellationToken.None);
        }

        // Assert
        Assert.NotNull(await store.ReadAsync(kept.ImageUrl[CreativeStore.PublicPrefix.Length..], CancellationToken.None));
        Assert.NotNull(await store.ReadAsync(kept.ThumbnailUrl[CreativeStore.PublicPrefix.Length..], CancellationToken.None));
        Assert.Null(await store.ReadAsync(dropped.ImageUrl[CreativeStore.PublicPrefix.Length..], CancellationToken.None));
    }

    [Theory]
    [InlineData("../adstudio.db")]
    [InlineData("decision-signing.key")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000.png")]
    public async Task ReadAsync_NameTheStoreDidNotMake_IsNull(string name)
    {
        var store = new CreativeStore(Files(inDatabase: true));

        Assert.Null(await store.ReadAsync(name, CancellationToken.None));
    }

    private IFileStore Files(bool inDatabase) =>
        inDatabase ? new DatabaseFileStore(_db.Factory, _clock) : new LocalFileStore(new DataPaths(_db.Directory));

    private async Task<StoredImage> SaveCommittedAsync(CreativeStore store, InspectedImage image)
    {
        using var batch = store.BeginBatch();
        await using var db = _db.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var stored = await batch.SaveAsync(db, image, CancellationToken.None);
        await transaction.CommitAsync();
        batch.Keep();
        return stored;
    }
}
