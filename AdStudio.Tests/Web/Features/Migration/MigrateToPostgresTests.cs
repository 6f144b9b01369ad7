using System.Collections;
using System.Globalization;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Migration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AdStudio.Tests.Web.Features.Migration;

/// <summary>The SQLite → PostgreSQL move of the demo shop, verified row by row.</summary>
[Collection(OwnApps.Name)]
public sealed class MigrateToPostgresTests
{
    // The target is PostgreSQL by definition, so only the PostgreSQL run has a server to move to.
    [Fact]
    [Trait("Storage", "PostgresOnly")]
    public async Task Migrate_SeededSqliteShop_CopiesEveryRowAndFile()
    {
        var source = TempFolder.Create("move-src");
        var target = TempFolder.Create("move-dst");
        try
        {
            await SeedSqliteShopAsync(source);
            Directory.CreateDirectory(Path.Combine(source, "models"));
            await File.WriteAllBytesAsync(Path.Combine(source, "models", "ctr-1.zip"), [1, 2, 3, 4]);
            var output = new StringWriter();

            var exit = await MigrateToPostgres.RunAsync(
                [MigrateToPostgres.CommandName, $"--Data:Directory={source}", $"--ConnectionStrings:Postgres={TestStorage.TargetFor(target).ConnectionString}"], output);

            Assert.True(exit == 0, output.ToString());
            await using var from = new AdStudioDb(DatabaseTarget.Sqlite(source).Options());
            await using var to = new AdStudioDb(TestStorage.TargetFor(target).Options());
            foreach (var table in TableOrder.Of(to.Model).Where(t => t.GetTableName() != "StoredFiles"))
            {
                var (expected, actual) = (await RowsAsync(from, table.Name), await RowsAsync(to, table.Name));
                Assert.True(
                    expected.SequenceEqual(actual),
                    $"{table.GetTableName()}: {expected.Count} vs {actual.Count} rows; SQLite {expected.Except(actual).FirstOrDefault()} vs PostgreSQL {actual.Except(expected).FirstOrDefault()}");
            }

            var stored = await to.Set<AdStudio.Core.Infrastructure.Files.StoredFile>().SingleAsync(f => f.Path == "models/ctr-1.zip");
            Assert.Equal([1, 2, 3, 4], stored.Content);
            Assert.True(await from.Campaigns.AnyAsync(), "the demo seed left no campaigns to move");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await TestStorage.DropAsync(target);
            TempFolder.Delete(source);
            TempFolder.Delete(target);
        }
    }

    [Fact]
    [Trait("Storage", "PostgresOnly")]
    public async Task Migrate_NonEmptyTarget_RefusesWithoutReplace()
    {
        var source = TempFolder.Create("move-src");
        var target = TempFolder.Create("move-dst");
        try
        {
            await using (var sqlite = new AdStudioDb(DatabaseTarget.Sqlite(source).Options()))
            {
                await sqlite.Database.MigrateAsync();
            }

            await using (var postgres = new AdStudioDb(TestStorage.TargetFor(target).Options()))
            {
                await postgres.Database.MigrateAsync();
                postgres.Add(new Setting { Key = "x", Value = "y" });
                await postgres.SaveChangesAsync();
            }

            var output = new StringWriter();
            string[] args = [MigrateToPostgres.CommandName, $"--Data:Directory={source}", $"--ConnectionStrings:Postgres={TestStorage.TargetFor(target).ConnectionString}"];

            Assert.Equal(3, await MigrateToPostgres.RunAsync(args, output));
            Assert.Contains("not empty", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, await MigrateToPostgres.RunAsync([.. args, "--replace"], output));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await TestStorage.DropAsync(target);
            TempFolder.Delete(source);
            TempFolder.Delete(target);
        }
    }

    private static async Task SeedSqliteShopAsync(string directory)
    {
        await using var app = new AdStudioFactory(directory, new Dictionary<string, string> { ["Storage:Provider"] = "Sqlite" });
        app.StartServer();
        await Poll.UntilAsync(
            async () =>
            {
                await using var db = new AdStudioDb(DatabaseTarget.Sqlite(directory).Options());
                return await db.PipelineRuns.Select(r => r.Status).ToListAsync();
            },
            statuses => statuses.Count > 0 && statuses.All(s => s == PipelineRunStatus.Succeeded),
            TimeSpan.FromMinutes(3),
            "the demo seed on SQLite");
    }

    /// <summary>Every row as the text of each property's value (shadow ones included), ordered, so two engines compare value by value.</summary>
    private static async Task<List<string>> RowsAsync(AdStudioDb db, string entityTypeName)
    {
        var type = db.Model.FindEntityType(entityTypeName)!;

        // Join tables without a class of their own are shared-type entities, reached by name.
        var set = type.HasSharedClrType
            ? db.Set<Dictionary<string, object>>(type.Name)
            : (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
        var rows = await set.ToListAsync();
        return [.. rows.Select(row => string.Join(" | ", type.GetProperties().Select(p => Text(db.Entry(row).Property(p.Name).CurrentValue)))).Order(StringComparer.Ordinal)];
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        // PostgreSQL keeps microseconds, SQLite's text keeps 100 ns ticks: the move rounds to PostgreSQL's precision.
        DateTime time => new DateTime(time.ToUniversalTime().Ticks / 10 * 10, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => new DateTimeOffset(time.UtcTicks / 10 * 10, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
        string text => text,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Text)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
