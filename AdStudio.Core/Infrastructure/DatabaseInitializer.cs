using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdStudio.Core.Infrastructure;

/// <summary>Brings the database to the latest migration and sets SQLite's durability pragmas.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<AdStudioDb> dbFactory)
{
    private const int Attempts = 5;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateAsync(cancellationToken);
                return;
            }
            catch (PostgresException ex) when (attempt < Attempts && IsLostCreationRace(ex))
            {
                // Another node created the database (or a table), or applied a migration, between our look and our change:
                // look again (the migration history then says what is left).
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // SQLite: WAL lets readers run beside the batching writer.
        foreach (var statement in SqlDialect.For(db.Database).AfterMigrate)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
    }

    /// <summary>
    /// Nodes starting together against a database that does not exist yet both try to create it (EF Core's migration lock
    /// only guards the migrations, once the database is there): the loser sees a duplicate database, table or type, or
    /// runs a migration the winner has just applied and finds a column already renamed or added.
    /// </summary>
    private static bool IsLostCreationRace(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.DuplicateColumn or PostgresErrorCodes.UndefinedTable;
}
