using Microsoft.Data.Sqlite;

namespace AdStudio.Core.Infrastructure;

/// <summary>Sorts write failures into the storage faults a client may retry after.</summary>
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
            if (inner is SqliteException sqlite)
            {
                // The low byte is the primary code even when SQLite hands out an extended one.
                return (sqlite.SqliteErrorCode & 0xFF) switch
                {
                    Busy or Locked => StorageFaultKind.Locked,
                    ReadOnly or Perm => StorageFaultKind.ReadOnly,
                    Full => StorageFaultKind.Full,
                    IoErr or CantOpen => StorageFaultKind.IoError,
                    _ => StorageFaultKind.None,
                };
            }

            if (inner is IOException)
            {
                return StorageFaultKind.IoError;
            }
        }

        return StorageFaultKind.None;
    }

    /// <summary>
    /// True when pooled connections may be in a state that outlives the fault (opened read-only, a stale WAL
    /// index after an I/O error) and must be discarded; a lock held by someone else leaves them sound.
    /// </summary>
    public static bool PoisonsConnections(StorageFaultKind kind) =>
        kind is StorageFaultKind.ReadOnly or StorageFaultKind.Full or StorageFaultKind.IoError;
}
