namespace AdStudio.Core.Infrastructure;

/// <summary>Why a database write failed, as far as the caller can act on it.</summary>
public enum StorageFaultKind
{
    /// <summary>Not a storage fault (a bug or bad data); retrying will not help.</summary>
    None,

    /// <summary>Another connection held the write lock longer than the write timeout.</summary>
    Locked,

    /// <summary>The database file, its folder or its WAL could not be written (permissions, read-only mount).</summary>
    ReadOnly,

    /// <summary>The disk or a quota is full.</summary>
    Full,

    /// <summary>The operating system reported an I/O error or the file could not be opened.</summary>
    IoError,

    /// <summary>The database server could not be reached or refused the connection (network, restart, too many connections).</summary>
    Unreachable,
}
