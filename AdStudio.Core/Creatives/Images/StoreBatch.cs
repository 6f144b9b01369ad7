using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;

namespace AdStudio.Core.Creatives.Images;

/// <summary>
/// Files written to the <see cref="CreativeStore"/> for one upload batch. Disposing it without <see cref="Keep"/>
/// removes the files this batch created (never one that was there before, which other creatives may use).
/// </summary>
public sealed class StoreBatch : IDisposable
{
    private readonly IFileBatch _files;

    internal StoreBatch(IFileBatch files) => _files = files;

    /// <summary>Writes an image and its thumbnail in <paramref name="db"/>'s open transaction, unless the same content is stored already.</summary>
    public Task<StoredImage> SaveAsync(AdStudioDb db, InspectedImage image, CancellationToken ct) => CreativeStore.SaveAsync(_files, db, image, ct);

    /// <summary>The batch's rows are committed: its files stay.</summary>
    public void Keep() => _files.Keep();

    public void Dispose() => _files.Dispose();
}
