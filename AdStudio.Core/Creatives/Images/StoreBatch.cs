namespace AdStudio.Core.Creatives.Images;

/// <summary>
/// Files written to the <see cref="CreativeStore"/> for one upload batch. Disposing it without <see cref="Keep"/>
/// deletes the files this batch created (never one that was there before, which other creatives may use).
/// </summary>
public sealed class StoreBatch : IDisposable
{
    private readonly CreativeStore _store;
    private readonly List<string> _created = [];
    private bool _kept;

    internal StoreBatch(CreativeStore store) => _store = store;

    /// <summary>Writes an image and its thumbnail, unless the same content is stored already.</summary>
    public Task<StoredImage> SaveAsync(InspectedImage image, CancellationToken ct) => _store.SaveAsync(image, _created, ct);

    /// <summary>The batch's rows are committed: its files stay.</summary>
    public void Keep() => _kept = true;

    public void Dispose()
    {
        if (_kept)
        {
            return;
        }

        foreach (var path in _created)
        {
            File.Delete(path);
        }

        _created.Clear();
    }
}
