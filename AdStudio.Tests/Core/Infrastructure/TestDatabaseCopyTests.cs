using System.Text;
using AdStudio.Core.Infrastructure;
using AdStudio.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Core.Infrastructure;

/// <summary>The per-test copy of a seeded template (<see cref="SeededDatabase"/>) holds everything, WAL included, and is a file of its own.</summary>
public sealed class TestDatabaseCopyTests
{
    private const string Marker = "only-in-the-wal-7f3a";
    private const string InsertMarker = "PRAGMA wal_autocheckpoint = 0; INSERT INTO Settings (Key, Value) VALUES ('" + Marker + "', 'yes');";

    // SqliteOnly: SQLite's WAL file and checkpoints.
    [Fact]
    [Trait("Storage", "SqliteOnly")]
    public async Task CopyOfAsync_RowNotYetCheckpointed_IsInTheCopy()
    {
        await using var template = await TestDatabase.CreateAsync();
        // Held open with automatic checkpoints off, so the row stays in the -wal file until the copy is made.
        await using var writer = new SqliteConnection(DataOptions.SqliteConnectionString(template.Directory));
        await writer.OpenAsync();
        await ExecuteAsync(writer, InsertMarker);
        var file = Path.Combine(template.Directory, DataOptions.DatabaseFileName);
        Assert.False(Contains(await File.ReadAllBytesAsync(file), Marker), "the row must not be in the main file yet");
        Assert.True(Contains(await File.ReadAllBytesAsync(file + "-wal"), Marker), "the row must be in the WAL");

        await using var copy = await TestDatabase.CopyOfAsync(template);

        await using var db = copy.Open();
        Assert.Equal("yes", (await db.Settings.SingleAsync(s => s.Key == Marker)).Value);
    }

    [Fact]
    public async Task CopyOfAsync_WritesToTheCopy_LeaveTheTemplateUnchanged()
    {
        await using var template = await TestDatabase.CreateAsync();
        await using var copy = await TestDatabase.CopyOfAsync(template);

        await using (var db = copy.Open())
        {
            db.Settings.Add(new Setting { Key = Marker, Value = "copy" });
            await db.SaveChangesAsync();
        }

        Assert.NotEqual(template.Directory, copy.Directory);
        await using var original = template.Open();
        Assert.False(await original.Settings.AnyAsync(s => s.Key == Marker));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static bool Contains(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
