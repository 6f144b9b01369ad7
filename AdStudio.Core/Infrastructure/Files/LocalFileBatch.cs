namespace AdStudio.Core.Infrastructure.Files;

/// <summary>
/// Write-once files in the data folder for one transaction. The files are on disk before the rows commit, so the caller
/// must keep concurrent batches of the same node apart (content-keyed: a failing batch removing a file another batch
/// found in place and committed a row for); a single SQLite node is the only user of this store.
/// </summary>
internal sealed class LocalFileBatch(LocalFileStore store) : IFileBatch
{
    private readonly List<string> _created = [];
    private bool _kept;

    public async Task AddOnceAsync(AdStudioDb db, string path, byte[] content, CancellationToken ct)
    {
        var file = store.FullPathOf(path);
        if (File.Exists(file))
        {
            return;
        }

        await store.WriteAsync(path, content, ct);
        _created.Add(file);
    }

    public void Keep() => _kept = true;

    public void Dispose()
    {
        if (_kept)
        {
            return;
        }

        foreach (var file in _created)
        {
            File.Delete(file);
        }

        _created.Clear();
    }
}
