using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Infrastructure;

/// <summary>Brings the database to the latest migration and sets SQLite's durability pragmas.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<AdStudioDb> dbFactory)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the batching writer; it persists in the file once set.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
