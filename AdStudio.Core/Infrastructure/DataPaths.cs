using Microsoft.Data.Sqlite;

namespace AdStudio.Core.Infrastructure;

/// <summary>The resolved, absolute data folder and the files inside it.</summary>
public sealed class DataPaths
{
    public DataPaths(string directory)
    {
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string DatabaseFile => Path.Combine(Directory, DataOptions.DatabaseFileName);

    public string ConnectionString => DataOptions.SqliteConnectionString(Directory);

    /// <summary>
    /// Empties the SQLite connection pool: idle connections close now, those in use close when returned, so the
    /// next open starts from the files as they are (writable again, a fresh WAL index) instead of a stale handle.
    /// </summary>
    public void DiscardPooledConnections()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Where trained model files (ML.NET zips) are kept.</summary>
    public string ModelDirectory => Path.Combine(Directory, "models");

    public string DecisionKeyFile => Path.Combine(Directory, "decision-signing.key");
}
