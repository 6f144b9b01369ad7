using System.Text;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Infrastructure;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Core.Creatives;

public sealed class CreativeStoreTests : IDisposable
{
    private readonly string _directory = TempFolder.Create("store");

    public void Dispose() => TempFolder.Delete(_directory);

    [Fact]
    public async Task SaveAsync_InspectedImage_WritesItsBytesAsTheyAreWithoutDecodingThemAgain()
    {
        // Arrange: bytes no decoder could read, so a store that decoded (for a thumbnail, say) would throw.
        var store = new CreativeStore(new DataPaths(_directory));
        var image = new InspectedImage(ImageFormat.Png, 300, 250, Encoding.UTF8.GetBytes("clean pixels"), "png", "image/png", Encoding.UTF8.GetBytes("thumbnail"));

        // Act
        StoredImage stored;
        using (var batch = store.BeginBatch())
        {
            stored = await batch.SaveAsync(image, CancellationToken.None);
            batch.Keep();
        }

        // Assert
        Assert.Equal("clean pixels", await File.ReadAllTextAsync(store.Resolve(stored.ImageUrl[CreativeStore.PublicPrefix.Length..])!));
        Assert.Equal("thumbnail", await File.ReadAllTextAsync(store.Resolve(stored.ThumbnailUrl[CreativeStore.PublicPrefix.Length..])!));
    }

    [Fact]
    public async Task Dispose_BatchNotKept_DeletesOnlyTheFilesItCreated()
    {
        var store = new CreativeStore(new DataPaths(_directory));
        var earlier = new InspectedImage(ImageFormat.Png, 300, 250, [1, 2, 3], "png", "image/png", [4]);
        using (var first = store.BeginBatch())
        {
            await first.SaveAsync(earlier, CancellationToken.None);
            first.Keep();
        }

        using (var second = store.BeginBatch())
        {
            await second.SaveAsync(earlier, CancellationToken.None);
            await second.SaveAsync(earlier with { Clean = [9, 9] }, CancellationToken.None);
        }

        Assert.Equal(2, Directory.GetFiles(store.Folder).Length);
    }
}
