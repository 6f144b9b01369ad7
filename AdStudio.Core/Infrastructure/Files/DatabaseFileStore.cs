using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Infrastructure.Files;

/// <summary>
/// Files in the database's <c>StoredFiles</c> table, so every node that shares the database reads every model and
/// image without a shared folder (<c>Storage:Provider=Postgres</c>). Writes are upserts; batch files are written in
/// the caller's transaction.
/// </summary>
public sealed class DatabaseFileStore(IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock) : IFileStore
{
    public async Task<byte[]?> ReadAsync(string path, CancellationToken ct)
    {
        StorePath.Checked(path);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StoredFiles.AsNoTracking().Where(f => f.Path == path).Select(f => f.Content).FirstOrDefaultAsync(ct);
    }

    public async Task WriteAsync(string path, byte[] content, CancellationToken ct)
    {
        StorePath.Checked(path);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        long length = content.Length;

        // One statement: two nodes writing the same path never fail on the key, the last write wins whole.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "StoredFiles" ("Path", "Content", "Length", "StoredAt") VALUES ({path}, {content}, {length}, {now})
            ON CONFLICT ("Path") DO UPDATE SET "Content" = excluded."Content", "Length" = excluded."Length", "StoredAt" = excluded."StoredAt"
            """,
            ct);
    }

    public IFileBatch BeginBatch() => new DatabaseFileBatch(clock);
}
