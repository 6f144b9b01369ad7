using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Infrastructure.Files;

/// <summary>
/// Write-once files inserted in the caller's transaction. When another transaction (on any node) has inserted the same
/// path and not yet finished, the database makes this insert wait for it: if it commits, this one does nothing and
/// shares its file; if it rolls back, this one inserts. So a failing batch can never take away a file that a committed
/// batch uses, and no process-wide lock is needed across nodes.
/// </summary>
internal sealed class DatabaseFileBatch(TimeProvider clock) : IFileBatch
{
    public async Task AddOnceAsync(AdStudioDb db, string path, byte[] content, CancellationToken ct)
    {
        StorePath.Checked(path);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Batch files are written in the rows' transaction: begin it first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        long length = content.Length;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "StoredFiles" ("Path", "Content", "Length", "StoredAt") VALUES ({path}, {content}, {length}, {now})
            ON CONFLICT ("Path") DO NOTHING
            """,
            ct);
    }

    // The transaction decides: a rollback takes the files with it.
    public void Keep()
    {
    }

    public void Dispose()
    {
    }
}
