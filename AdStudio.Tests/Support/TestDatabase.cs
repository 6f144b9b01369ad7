using AdStudio.Core.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AdStudio.Tests.Support;

/// <summary>
/// A real database in its own temporary folder, migrated like the app does at start-up: a SQLite file there, or a
/// PostgreSQL database of its own when the tests run against PostgreSQL (<see cref="TestStorage"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string directory)
    {
        Directory = directory;
        Target = TestStorage.TargetFor(directory);
        Factory = new PooledDbContextFactory<AdStudioDb>(Target.Options());
    }

    public string Directory { get; }

    public DatabaseTarget Target { get; }

    public IDbContextFactory<AdStudioDb> Factory { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase(TempFolder.Create("db"));
        await new DatabaseInitializer(database.Factory).InitializeAsync(CancellationToken.None);
        return database;
    }

    /// <summary>
    /// A new database holding a consistent copy of <paramref name="source"/>. SQLite's online backup reads through the
    /// source's WAL, so rows not yet checkpointed into the main file are copied too (a plain file copy would lose them);
    /// PostgreSQL copies a database by using it as the template of a new one.
    /// </summary>
    public static async Task<TestDatabase> CopyOfAsync(TestDatabase source)
    {
        var copy = new TestDatabase(TempFolder.Create("db"));
        if (TestStorage.IsPostgres)
        {
            await TestStorage.CopyPostgresAsync(source.Directory, copy.Directory);
            return copy;
        }

        await using var from = new SqliteConnection(DataOptions.SqliteConnectionString(source.Directory));
        await using var to = new SqliteConnection(DataOptions.SqliteConnectionString(copy.Directory));
        await from.OpenAsync();
        await to.OpenAsync();
        from.BackupDatabase(to);
        return copy;
    }

    public AdStudioDb Open() => Factory.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting the folder.
        SqliteConnection.ClearAllPools();
        await TestStorage.DropAsync(Directory);
        TempFolder.Delete(Directory);
    }
}
