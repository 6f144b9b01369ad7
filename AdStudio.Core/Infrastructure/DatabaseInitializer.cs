using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Infrastructure;

/// <summary>Brings the database to the latest migration and sets SQLite's durability pragmas.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<AdStudioDb> dbFactory)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // SQLite: WAL lets readers run beside the batching writer.
        foreach (var statement in SqlDialect.For(db.Database).AfterMigrate)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
    }
}
