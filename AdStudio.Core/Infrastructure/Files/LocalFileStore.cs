namespace AdStudio.Core.Infrastructure.Files;

/// <summary>Files in the data folder: the store of a single node on SQLite, which keeps the folder layout AdStudio always had.</summary>
public sealed class LocalFileStore(DataPaths paths) : IFileStore
{
    /// <summary>The absolute file a store path stands for.</summary>
    public string FullPathOf(string path) => Path.Combine(paths.Directory, StorePath.Checked(path).Replace('/', Path.DirectorySeparatorChar));

    public async Task<byte[]?> ReadAsync(string path, CancellationToken ct)
    {
        var file = FullPathOf(path);
        try
        {
            return await File.ReadAllBytesAsync(file, ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task WriteAsync(string path, byte[] content, CancellationToken ct)
    {
        var file = FullPathOf(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        // Write beside, then move: a reader never sees half a file, and a failed write leaves no temporary file.
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, content, ct);
            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public IFileBatch BeginBatch() => new LocalFileBatch(this);
}
