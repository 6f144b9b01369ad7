using AdStudio.Core.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AdStudio.Tests.Support;

/// <summary>A real SQLite database file in its own temporary folder, migrated like the app does at start-up.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string directory)
    {
        Directory = directory;
        var options = new DbContextOptionsBuilder<AdStudioDb>()
            .UseSqlite(DataOptions.SqliteConnectionString(directory))
            .Options;
        Factory = new PooledDbContextFactory<AdStudioDb>(options);
    }

    public string Directory { get; }

    public IDbContextFactory<AdStudioDb> Factory { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase(TempFolder.Create("db"));
        await new DatabaseInitializer(database.Factory).InitializeAsync(CancellationToken.None);
        return database;
    }

    public AdStudioDb Open() => Factory.CreateDbContext();

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting the folder.
        SqliteConnection.ClearAllPools();
        TempFolder.Delete(Directory);
        return ValueTask.CompletedTask;
    }
}
