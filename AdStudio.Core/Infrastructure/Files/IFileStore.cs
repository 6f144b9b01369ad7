namespace AdStudio.Core.Infrastructure.Files;

/// <summary>
/// Where AdStudio keeps its files (trained models, creative images), by a path relative to the data folder with forward
/// slashes, such as <c>models/ctr-12.zip</c> or <c>creatives/&lt;hash&gt;.png</c>: the data folder on one SQLite node
/// (<see cref="LocalFileStore"/>), the database when several nodes share PostgreSQL (<see cref="DatabaseFileStore"/>).
/// </summary>
public interface IFileStore
{
    /// <summary>The file's bytes, or null when there is no such file.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken ct);

    /// <summary>Creates or replaces the file; readers see the old bytes or the new ones, never half of them.</summary>
    Task WriteAsync(string path, byte[] content, CancellationToken ct);

    /// <summary>
    /// Starts a set of write-once files that stand or fall with a database transaction: files added through the batch
    /// stay only once <see cref="IFileBatch.Keep"/> was called after the commit.
    /// </summary>
    IFileBatch BeginBatch();
}
