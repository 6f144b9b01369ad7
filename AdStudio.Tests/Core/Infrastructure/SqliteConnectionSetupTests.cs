using System.Runtime.Versioning;
using AdStudio.Core.Infrastructure;
using AdStudio.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdStudio.Tests.Core.Infrastructure;

[UnsupportedOSPlatform("windows")]
// SqliteOnly: SQLite connection mechanics (PRAGMA synchronous, files opened read-only, its pool).
[Trait("Storage", "SqliteOnly")]
public sealed class SqliteConnectionSetupTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private PooledDbContextFactory<AdStudioDb> Factory(SqliteSynchronous synchronous) => new(
        new DbContextOptionsBuilder<AdStudioDb>()
            .UseSqlite(DataOptions.SqliteConnectionString(_db.Directory))
            .AddInterceptors(new SqliteConnectionSetup(synchronous, NullLogger<SqliteConnectionSetup>.Instance))
            .Options);

    private static async Task<long> PragmaAsync(AdStudioDb db, string pragma)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData(SqliteSynchronous.Full, 2)]
    [InlineData(SqliteSynchronous.Normal, 1)]
    public async Task ConnectionOpened_EveryConnection_UsesTheConfiguredSynchronousLevel(SqliteSynchronous level, long expected)
    {
        var factory = Factory(level);
        SqliteConnection.ClearAllPools();

        await using var first = await factory.CreateDbContextAsync();
        await using var second = await factory.CreateDbContextAsync();
        var levels = new[] { await PragmaAsync(first, "synchronous"), await PragmaAsync(second, "synchronous") };

        Assert.Equal([expected, expected], levels);
    }

    [Fact]
    public async Task ConnectionOpened_DatabaseOpenedReadOnly_IsNotPooledSoTheNextOpenCanWrite()
    {
        var factory = Factory(SqliteSynchronous.Full);
        SqliteConnection.ClearAllPools();
        int openedReadOnly;
        using (new ReadOnlyData(_db.Directory))
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            openedReadOnly = SQLitePCL.raw.sqlite3_db_readonly(((SqliteConnection)db.Database.GetDbConnection()).Handle, "main");
        }

        await using var after = await factory.CreateDbContextAsync();
        after.Settings.Add(new Setting { Key = "after-read-only", Value = "written" });
        var written = await after.SaveChangesAsync();

        Assert.Equal(1, openedReadOnly);
        Assert.Equal(1, written);
    }

    [Fact]
    public async Task ConnectionOpened_ReadOnlyModeAskedFor_IsNotReportedAsAFault()
    {
        var logs = new CapturedLogs();
        using var loggers = new LoggerFactory([logs]);
        var setup = new SqliteConnectionSetup(SqliteSynchronous.Full, loggers.CreateLogger<SqliteConnectionSetup>());
        var options = new DbContextOptionsBuilder<AdStudioDb>()
            .UseSqlite(new SqliteConnectionStringBuilder(DataOptions.SqliteConnectionString(_db.Directory)) { Mode = SqliteOpenMode.ReadOnly }.ToString())
            .AddInterceptors(setup)
            .Options;

        await using var db = new AdStudioDb(options);
        await db.Database.OpenConnectionAsync();

        Assert.Equal(1, SQLitePCL.raw.sqlite3_db_readonly(((SqliteConnection)db.Database.GetDbConnection()).Handle, "main"));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }
}
