using System.Diagnostics;
using System.Globalization;
using System.Text;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdStudio.Bench;

/// <summary>
/// Event ingestion through the real <see cref="BatchingEventWriter"/> (group commit) into a SQLite file with
/// <c>synchronous=NORMAL</c> (the baseline) and <c>synchronous=FULL</c> in the same run, at several numbers of
/// concurrent callers, each sending <c>POST /events</c>-sized batches and waiting for the acknowledgement.
/// </summary>
internal static class IngestBenchmark
{
    private const int EventsPerBatch = 10;
    private static readonly int[] Callers = [1, 8, 64];
    private static readonly SqliteSynchronous[] Levels = [SqliteSynchronous.Normal, SqliteSynchronous.Full];

    public static async Task RunAsync(string root, TimeSpan duration)
    {
        var rows = new List<(SqliteSynchronous Level, int Callers, Measurement Result)>();
        foreach (var callers in Callers)
        {
            // The two levels alternate per concurrency level so a drifting machine affects both alike.
            foreach (var level in Levels)
            {
                var result = await MeasureAsync(level, callers, duration);
                Console.WriteLine($"{level,-6} {callers,3} callers: {result.EventsPerSecond,10:N0} events/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms");
                rows.Add((level, callers, result));
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Ingest benchmark: synchronous NORMAL against FULL ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"`dotnet run -c Release --project bench/AdStudio.Bench -- ingest {duration.TotalSeconds:F0}` on {Environment.ProcessorCount} cores, a fresh SQLite file per row in {Path.GetTempPath()}.");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Each caller sends batches of {EventsPerBatch} behaviour events through the app's `BatchingEventWriter` (group commit, default `Events` settings) and waits until its batch is committed, as `POST /events` does before answering 202; {duration.TotalSeconds:F0} s per row. NORMAL is the baseline, measured in the same run.");
        report.AppendLine("Each row is one run on a shared machine: repeat the run before trusting a difference of less than about 20 %. The fsync behind FULL costs what the disk's flush costs; a virtual disk may answer flushes from a cache.");
        report.AppendLine();
        report.AppendLine("| callers | synchronous | events/s | acknowledged batches/s | batch latency p50 | p99 | FULL vs NORMAL |");
        report.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var (level, callers, result) in rows)
        {
            var baseline = rows.Single(r => r.Callers == callers && r.Level == SqliteSynchronous.Normal).Result;
            var ratio = level == SqliteSynchronous.Normal ? "" : $"{result.EventsPerSecond / baseline.EventsPerSecond:P0}";
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {callers} | {level.ToString().ToUpperInvariant()} | {result.EventsPerSecond:N0} | {result.EventsPerSecond / EventsPerBatch:N0} | {result.P50Ms:F2} ms | {result.P99Ms:F2} ms | {ratio} |");
        }

        var path = Path.Combine(root, "bench", "results", "ingest.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine($"Wrote {path}");
    }

    private static async Task<Measurement> MeasureAsync(SqliteSynchronous level, int callers, TimeSpan duration)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"adstudio-ingest-bench-{Guid.NewGuid():N}");
        var paths = new DataPaths(folder);
        try
        {
            var factory = new PooledDbContextFactory<AdStudioDb>(new DbContextOptionsBuilder<AdStudioDb>()
                .UseSqlite(paths.ConnectionString)
                .AddInterceptors(new SqliteConnectionSetup(level, NullLogger<SqliteConnectionSetup>.Instance))
                .Options);
            await new DatabaseInitializer(factory).InitializeAsync(CancellationToken.None);
            await using var writer = new BatchingEventWriter(
                new EventStore(factory),
                Options.Create(new EventWriterOptions()),
                new StorageWriteState(TimeProvider.System),
                paths,
                NullLogger<BatchingEventWriter>.Instance);

            var latencies = new List<double>[callers];
            var stop = Stopwatch.StartNew();
            var tasks = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
            {
                var mine = latencies[c] = [];
                var sequence = 0;
                while (stop.Elapsed < duration)
                {
                    var batch = Batch(c, sequence++);
                    var started = Stopwatch.GetTimestamp();
                    await writer.WriteAsync(batch, CancellationToken.None);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            })).ToArray();
            await Task.WhenAll(tasks);
            var elapsed = stop.Elapsed.TotalSeconds;
            var all = latencies.SelectMany(l => l).Order().ToArray();
            return new Measurement(all.Length * EventsPerBatch / elapsed, Percentile(all, 0.5), Percentile(all, 0.99));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static EventBatch Batch(int caller, int sequence)
    {
        var at = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc).AddSeconds(sequence);
        var events = new BehaviourEvent[EventsPerBatch];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new BehaviourEvent
            {
                ShopperId = $"bench-{caller:D3}-{sequence % 1000:D4}",
                Type = BehaviourEventType.View,
                Category = "books",
                ProductId = $"books-{i:D3}",
                DwellSeconds = 12.5,
                OccurredAt = at,
            };
        }

        return new EventBatch(events, []);
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];

    private sealed record Measurement(double EventsPerSecond, double P50Ms, double P99Ms);
}
