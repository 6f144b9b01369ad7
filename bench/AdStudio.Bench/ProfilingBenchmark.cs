using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Segments.Rules;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Bench;

/// <summary>
/// Profiling over 1,000,000 behaviour events (100,000 consenting shoppers) in full and over 10,000 new events
/// incrementally, each against the time to merely read the same rows from SQLite; and a segment size preview
/// over the 100,000 profiles against a bare pass over the same rows.
/// </summary>
internal static class ProfilingBenchmark
{
    public const int Shoppers = 100_000;
    public const int EventsPerShopper = 10;
    public const int NewEvents = 10_000;
    private static readonly string[] Categories = ["electronics", "fashion", "home", "sports", "beauty", "grocery", "toys", "books"];

    public static async Task RunAsync(string root)
    {
        await using var database = await BenchDatabase.CreateAsync(StorageProvider.Sqlite, "profile");
        var figures = await MeasureAsync(database);
        var audience = figures.Audience;
        var (rule, _) = SegmentRule.Parse(
            """{"all":[{"field":"spend_90d","op":">=","value":50},{"any":[{"field":"interest","category":"books","op":">=","value":0.2},{"field":"region","op":"in","values":["north","east"]}]}]}""");
        var size = 0;
        var preview = Median(20, () => size = audience.Count(rule!));
        var total = 0.0;
        var bare = Median(20, () => total = audience.Rows.Sum(r => r.Spend90d));

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Profiling and segment preview benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite file in WAL mode. {Shoppers:N0} consenting shoppers with {EventsPerShopper} behaviour events each over 60 days.");
        report.AppendLine();
        report.AppendLine("| measurement | baseline (read the same rows) | AdStudio |");
        report.AppendLine("|---|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| full profiling run, {Shoppers * EventsPerShopper:N0} events | {figures.ReadAll.TotalSeconds:F2} s | {figures.Full.TotalSeconds:F2} s |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| incremental run, {NewEvents:N0} new events ({figures.Affected:N0} shoppers) | {figures.ReadNew.TotalSeconds:F2} s | {figures.Incremental.TotalSeconds:F2} s |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| segment size preview over {audience.Rows.Count:N0} profiles (median of 20) | {bare.TotalMilliseconds:F1} ms (a bare pass summing spend) | {preview.TotalMilliseconds:F1} ms ({size:N0} match) |");
        report.AppendLine();
        report.AppendLine("Both profiling runs include reloading the in-memory audience and materialising segment membership. The incremental baseline reads the affected shoppers' 180-day history, which is what the run recomputes from.");
        report.AppendLine();
        report.AppendLine("Reproduce: `dotnet run -c Release --project bench/AdStudio.Bench -- profile`.");
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(root, "bench", "results", "profiling.md"), report.ToString());
    }

    /// <summary>
    /// Fills <paramref name="database"/> (SQLite or PostgreSQL) with the shoppers and events, then times reading all rows,
    /// the full profiling run, reading the new events' shoppers and the incremental run.
    /// </summary>
    public static async Task<ProfilingFigures> MeasureAsync(BenchDatabase database)
    {
        var factory = database.Factory;
        var now = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
        Console.WriteLine($"Writing {Shoppers:N0} shoppers and {Shoppers * EventsPerShopper:N0} events to {database.Target.Provider} …");
        await FillAsync(factory, now);
        var clock = new FixedClock(new DateTimeOffset(now));
        var index = new AudienceIndex(new AudienceLoader(factory), clock);
        var step = new ProfilingStep(factory, new AudienceLoader(factory), index, new SegmentMaterializer(factory), new ClusterMembership(factory), Options.Create(StandardPlacements.Shop()), clock);

        var readAll = await TimeAsync(() => ReadAsync(factory, null));
        var full = await TimeAsync(() => step.RunAsync(true, new Progress<double>(), CancellationToken.None));
        var affected = await AddNewEventsAsync(factory, now);
        clock.Now = new DateTimeOffset(now.AddMinutes(5));
        var readNew = await TimeAsync(() => ReadAsync(factory, affected));
        var incremental = await TimeAsync(() => step.RunAsync(false, new Progress<double>(), CancellationToken.None));
        return new ProfilingFigures(readAll, full, readNew, incremental, affected.Length, await index.GetAsync(CancellationToken.None));
    }

    private static async Task FillAsync(IDbContextFactory<AdStudioDb> factory, DateTime now)
    {
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var random = new Random(5);
        string[] regions = ["north", "south", "east", "west", "central"];
        // Multi-row statements: PostgreSQL would otherwise pay a round trip per row; the rows are the same on both engines.
        await using (var shopper = new MultiRowInsert(connection, transaction, "Shoppers", ["Id", "HasTrackingConsent", "Region", "FirstSeenAt"]))
        {
            for (var s = 0; s < Shoppers; s++)
            {
                await shopper.AddAsync($"s{s:D6}", true, regions[s % regions.Length], now.AddDays(-90));
            }

            await shopper.FlushAsync();
        }

        await using (var insertEvent = EventInsert(connection, transaction))
        {
            for (var s = 0; s < Shoppers; s++)
            {
                for (var i = 0; i < EventsPerShopper; i++)
                {
                    await WriteEventAsync(insertEvent, $"s{s:D6}", random, now.AddMinutes(-random.Next(60 * 24 * 60)));
                }
            }

            await insertEvent.FlushAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task<string[]> AddNewEventsAsync(IDbContextFactory<AdStudioDb> factory, DateTime now)
    {
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var random = new Random(9);
        var touched = new HashSet<string>();
        await using (var insertEvent = EventInsert(connection, transaction))
        {
            for (var i = 0; i < NewEvents; i++)
            {
                var id = $"s{random.Next(Shoppers):D6}";
                touched.Add(id);
                await WriteEventAsync(insertEvent, id, random, now.AddMinutes(1));
            }

            await insertEvent.FlushAsync();
        }

        await transaction.CommitAsync();
        return [.. touched];
    }

    private static Task WriteEventAsync(MultiRowInsert insertEvent, string shopper, Random random, DateTime at)
    {
        var type = random.Next(10) switch { < 7 => 0, 7 => 1, 8 => 2, _ => 3 };
        return insertEvent.AddAsync(
            shopper,
            type,
            Categories[random.Next(Categories.Length)],
            "p",
            type == 3 ? 10 + (random.NextDouble() * 200) : null,
            type == 0 ? (double)random.Next(5, 120) : null,
            at);
    }

    private static MultiRowInsert EventInsert(DbConnection connection, DbTransaction transaction) =>
        new(connection, transaction, "BehaviourEvents", ["ShopperId", "Type", "Category", "ProductId", "Amount", "DwellSeconds", "OccurredAt"]);

    /// <summary>The baseline: read the columns profiling reads, in its order, and do nothing with them.</summary>
    private static async Task ReadAsync(IDbContextFactory<AdStudioDb> factory, string[]? shoppers)
    {
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var chunk in shoppers is null ? [null] : shoppers.Chunk(500).Select(c => (string[]?)c))
        {
            await using var command = connection.CreateCommand();
            var filter = chunk is null ? "" : $"AND \"ShopperId\" IN ({string.Join(",", chunk.Select((_, i) => $"@s{i}"))})";
            command.CommandText = $"SELECT \"ShopperId\",\"Type\",\"Category\",\"Amount\",\"DwellSeconds\",\"OccurredAt\" FROM \"BehaviourEvents\" WHERE \"OccurredAt\" >= @since {filter} ORDER BY \"ShopperId\",\"OccurredAt\"";
            var since = command.CreateParameter();
            since.ParameterName = "@since";
            since.Value = DateTime.UtcNow.AddDays(-400);
            command.Parameters.Add(since);
            for (var i = 0; chunk is not null && i < chunk.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@s{i}";
                parameter.Value = chunk[i];
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = reader.GetString(0);
                _ = reader.GetInt32(1);
                _ = reader.IsDBNull(2) ? null : reader.GetString(2);
                _ = reader.IsDBNull(3) ? 0 : reader.GetDouble(3);
                _ = reader.IsDBNull(4) ? 0 : reader.GetDouble(4);
                _ = reader.GetDateTime(5);
            }
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started);
    }

    private static TimeSpan Median(int runs, Action action)
    {
        action();
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        return times.Order().ElementAt(runs / 2);
    }
}
