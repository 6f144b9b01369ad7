using Microsoft.Data.Sqlite;
using Npgsql;

namespace AdStudio.Core.Infrastructure;

/// <summary>Sorts write failures (SQLite's or PostgreSQL's) into the storage faults a client may retry after.</summary>
public static class StorageFaults
{
    // Primary SQLite result codes (https://www.sqlite.org/rescode.html).
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoErr = 10;
    private const int Full = 13;
    private const int CantOpen = 14;

    /// <summary>The storage fault behind <paramref name="exception"/>, or <see cref="StorageFaultKind.None"/>.</summary>
    public static StorageFaultKind Classify(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException sqlite:
                    return Sqlite(sqlite);
                case PostgresException postgres:
                    return Postgres(postgres.SqlState);
                case NpgsqlException { InnerException: TimeoutException }:
                    // The command outlived its timeout: on a healthy server that is a wait for another transaction's lock.
                    return StorageFaultKind.Locked;
                case NpgsqlException { IsTransient: true }:
                    // Broken or refused connections, socket errors: the server could not be reached.
                    return StorageFaultKind.Unreachable;
                case IOException:
                    return StorageFaultKind.IoError;
                case TimeoutException:
                    return StorageFaultKind.Locked;
                default:
                    break;
            }
        }

        return StorageFaultKind.None;
    }

    /// <summary>
    /// True when pooled connections may be in a state that outlives the fault (opened read-only, a stale WAL
    /// index after an I/O error) and must be discarded; a lock held by someone else leaves them sound, and Npgsql
    /// drops a broken connection from its pool by itself.
    /// </summary>
    public static bool PoisonsConnections(StorageFaultKind kind) =>
        kind is StorageFaultKind.ReadOnly or StorageFaultKind.Full or StorageFaultKind.IoError;

    private static StorageFaultKind Sqlite(SqliteException sqlite) =>
        // The low byte is the primary code even when SQLite hands out an extended one.
        (sqlite.SqliteErrorCode & 0xFF) switch
        {
            Busy or Locked => StorageFaultKind.Locked,
            ReadOnly or Perm => StorageFaultKind.ReadOnly,
            Full => StorageFaultKind.Full,
            IoErr or CantOpen => StorageFaultKind.IoError,
            _ => StorageFaultKind.None,
        };

    // PostgreSQL error codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    private static StorageFaultKind Postgres(string sqlState) => sqlState switch
    {
        PostgresErrorCodes.DiskFull => StorageFaultKind.Full,
        PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.InsufficientPrivilege => StorageFaultKind.ReadOnly,
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable
            => StorageFaultKind.Locked,
        PostgresErrorCodes.IoError or PostgresErrorCodes.DataCorrupted => StorageFaultKind.IoError,
        PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow => StorageFaultKind.Unreachable,
        // Class 08: connection exceptions.
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => StorageFaultKind.Unreachable,
        _ => StorageFaultKind.None,
    };
}
