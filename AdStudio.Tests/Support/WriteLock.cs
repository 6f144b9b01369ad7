using AdStudio.Core.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AdStudio.Tests.Support;

/// <summary>Another process's long write: a separate connection holding SQLite's write lock until disposed.</summary>
public sealed class WriteLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private WriteLock(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<WriteLock> TakeAsync(string dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(DataOptions.SqliteConnectionString(dataDirectory)) { Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        var transaction = connection.BeginTransaction(deferred: false);
        return new WriteLock(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
