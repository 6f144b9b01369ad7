using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AdStudio.Core.Infrastructure;

/// <summary>
/// Prepares every SQLite connection EF Core opens: applies <see cref="DataOptions.Synchronous"/> and
/// <c>secure_delete</c> (per-connection pragmas the connection string cannot carry), and keeps connections that SQLite opened
/// read-only out of the pool.
/// </summary>
/// <remarks>
/// When the database file cannot be opened for writing, <c>sqlite3_open_v2</c> silently opens it
/// read-only instead of failing. Microsoft.Data.Sqlite then pools that connection like any other, and
/// because a busy pool hands the same warm connection out again and again, it is never pruned: every
/// write fails with SQLITE_READONLY long after the folder is writable again. Such a connection still
/// serves the read it was opened for, but is discarded when closed.
/// </remarks>
public sealed partial class SqliteConnectionSetup(SqliteSynchronous synchronous, ILogger<SqliteConnectionSetup> logger)
    : DbConnectionInterceptor
{
    // secure_delete: deleted rows are overwritten with zeros, so an erased shopper cannot be read back from free pages.
    private readonly string _pragma = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()}; PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Prepare(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Prepare(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>False when the connection is read-only (the pragma would change nothing and it must not be pooled).</summary>
    private bool Prepare(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite || sqlite.Handle is null)
        {
            return false;
        }

        if (SQLitePCL.raw.sqlite3_db_readonly(sqlite.Handle, "main") == 1)
        {
            // EF Core asks for read-only connections itself (checking that the database exists): not a fault.
            if (new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.ReadOnly)
            {
                return false;
            }

            SqliteConnection.ClearPool(sqlite);
            LogOpenedReadOnly(logger, sqlite.DataSource);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "SQLite opened {DataSource} read-only (the file or its folder is not writable); writes fail until it is, and pooled connections are discarded.")]
    private static partial void LogOpenedReadOnly(ILogger logger, string dataSource);
}
