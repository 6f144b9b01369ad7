using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AdStudio.Core.Infrastructure;

/// <summary>
/// Proves the database takes writes right now: a committed upsert of one <see cref="Setting"/> row. On SQLite on a
/// fresh, unpooled connection, so it sees the files as they are (permissions, free space, locks) rather than through
/// a handle opened before the fault; on PostgreSQL the server answers for its disk, and a pooled connection is checked.
/// </summary>
public sealed class StorageProbe(IDbContextFactory<AdStudioDb> dbFactory, DataPaths paths, TimeProvider clock)
{
    /// <summary>The <see cref="Setting"/> key the probe rewrites with its time.</summary>
    public const string ProbeKey = "health.write-probe";

    private const string UpsertSql =
        """
        INSERT INTO "Settings" ("Key", "Value") VALUES (@key, @value)
        ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value"
        """;

    /// <summary>Throws what the write threw; waits at most <paramref name="lockTimeoutSeconds"/> for another writer's lock.</summary>
    public async Task WriteAsync(int lockTimeoutSeconds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dialect = SqlDialect.For(db.Database);
        if (!dialect.IsPostgres)
        {
            db.Database.SetConnectionString(new SqliteConnectionStringBuilder(paths.ConnectionString) { Pooling = false }.ToString());
            ((SqliteConnection)db.Database.GetDbConnection()).DefaultTimeout = lockTimeoutSeconds;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (dialect.LockTimeout(lockTimeoutSeconds) is { } lockTimeout)
        {
            await db.Database.ExecuteSqlRawAsync(lockTimeout, cancellationToken);
        }

        await using (var command = Sql.Command(db.Database.GetDbConnection(), transaction.GetDbTransaction(), UpsertSql))
        {
            Sql.Parameter(command, "@key", ProbeKey);
            Sql.Parameter(command, "@value", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
