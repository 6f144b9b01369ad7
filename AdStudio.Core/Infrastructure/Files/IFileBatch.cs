namespace AdStudio.Core.Infrastructure.Files;

/// <summary>
/// Write-once files added alongside database rows (see <see cref="IFileStore.BeginBatch"/>). Disposing the batch without
/// <see cref="Keep"/> removes the files it created, never one that was there before (another row may use it).
/// </summary>
public interface IFileBatch : IDisposable
{
    /// <summary>
    /// Adds the file unless one with the same path exists (content-keyed paths: the same path holds the same bytes).
    /// <paramref name="db"/> is the context whose open transaction the rows are written in: a store that lives in the
    /// database writes the file in that transaction, so it commits or rolls back with the rows.
    /// </summary>
    Task AddOnceAsync(AdStudioDb db, string path, byte[] content, CancellationToken ct);

    /// <summary>The rows are committed: the files stay.</summary>
    void Keep();
}
