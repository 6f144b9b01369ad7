using System.Diagnostics;
using System.Globalization;
using System.Text;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdStudio.Bench;

/// <summary>
/// Event ingestion through the app's real <see cref="BatchingEventWriter"/> (group commit, default settings) on
/// SQLite and on PostgreSQL, each against a raw batched insert of the same rows into a fresh database of the same
/// engine and schema, in transactions of the writer's mean group-commit size, measured right after it.
/// </summary>
internal static class PostgresIngestBenchmark
{
    private const int EventsPerBatch = 10;
    private static readonly int[] Callers = [1, 8, 64];

    public static async Task RunAsync(string root, TimeSpan duration)
    {
        var rows = new List<Row>();
        for (var level = 0; level < Callers.Length; level++)
        {
            // The engines alternate which goes first, so a drifting machine does not favour one.
            StorageProvider[] order = level % 2 == 0 ? [StorageProvider.Sqlite, StorageProvider.Postgres] : [StorageProvider.Postgres, StorageProvider.Sqlite];
            foreach (var provider in order)
            {
                var row = await MeasureAsync(provider, Callers[level], duration);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{provider,-8} {row.Callers,3} callers: writer {row.WriterPerSecond,9:N0} events/s ({row.RowsPerCommit} per commit), auto-prepared {row.PreparedPerSecond:N0}; raw {string.Join(", ", row.Raw.Select(r => $"{r.Key} {r.Value:N0}"))}"));
                rows.Add(row);
            }
        }

        var path = Path.Combine(root, "bench", "results", "postgres-ingest.md");
        await File.WriteAllTextAsync(path, Report(rows, duration));
        Console.WriteLine($"Wrote {path}");
    }

    private static async Task<Row> MeasureAsync(StorageProvider provider, int callers, TimeSpan duration)
    {
        var (written, seconds, commits, p50, p99) = await MeasureWriterAsync(provider, callers, duration, null);
        var events = written.SelectMany(b => b.BehaviourEvents).ToArray();
        var rowsPerCommit = Math.Max(1, (int)Math.Round((double)events.Length / Math.Max(1, commits)));
        // Row by row costs a round trip per row on PostgreSQL (what the writer pays) and COPY exists only there.
        RawMethod[] methods = provider == StorageProvider.Postgres
            ? [RawMethod.MultiRowInsert, RawMethod.Copy]
            : [RawMethod.MultiRowInsert, RawMethod.SingleRowInsert];
        var raw = new Dictionary<RawMethod, double>();
        foreach (var method in methods)
        {
            await using var database = await BenchDatabase.CreateAsync(provider, "ingest-raw");
            raw[method] = events.Length / await RawEventInsert.MeasureAsync(database, events, rowsPerCommit, method);
        }

        // The same writer with Npgsql preparing its repeated statements: shows whether parsing or round trips cost.
        var prepared = double.NaN;
        if (provider == StorageProvider.Postgres)
        {
            var run = await MeasureWriterAsync(provider, callers, duration, c => (c.MaxAutoPrepare, c.AutoPrepareMinUsages) = (16, 2));
            prepared = run.Written.Sum(b => b.Count) / run.Seconds;
        }

        return new Row(provider, callers, events.Length / seconds, rowsPerCommit, p50, p99, raw, prepared);
    }

    private static async Task<(List<EventBatch> Written, double Seconds, int Commits, double P50, double P99)> MeasureWriterAsync(
        StorageProvider provider, int callers, TimeSpan duration, Action<Npgsql.NpgsqlConnectionStringBuilder>? tune)
    {
        var counter = new CommitCounter();
        await using var database = await BenchDatabase.CreateAsync(provider, "ingest", tune, counter);
        var commitsBefore = counter.Commits;
        await using var writer = new BatchingEventWriter(
            new EventStore(database.Factory),
            Options.Create(new EventWriterOptions()),
            new StorageWriteState(TimeProvider.System),
            new DataPaths(database.Folder),
            NullLogger<BatchingEventWriter>.Instance);

        var latencies = new List<double>[callers];
        var written = new List<EventBatch>[callers];
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            var batches = written[c] = [];
            for (var sequence = 0; stop.Elapsed < duration; sequence++)
            {
                var batch = Batch(c, sequence);
                var started = Stopwatch.GetTimestamp();
                await writer.WriteAsync(batch, CancellationToken.None);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                batches.Add(batch);
            }
        })));
        var seconds = stop.Elapsed.TotalSeconds;
        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        return ([.. written.SelectMany(w => w)], seconds, counter.Commits - commitsBefore, Percentile(sorted, 0.5), Percentile(sorted, 0.99));
    }

    /// <summary>A <c>POST /events</c>-sized batch of product views, each with the storefront's event id (the deduplication key).</summary>
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
                EventId = $"e{caller:D3}-{sequence:D7}-{i:D2}",
            };
        }

        return new EventBatch(events, []);
    }

    private static string Report(List<Row> rows, TimeSpan duration)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Ingest on SQLite and PostgreSQL against a raw batched insert ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"`dotnet run -c Release --project bench/AdStudio.Bench -- postgres-ingest {duration.TotalSeconds:F0}` on {Environment.ProcessorCount} cores, .NET {Environment.Version}; PostgreSQL at {BenchDatabase.ServerDescription()} on the same machine; a fresh database (SQLite file or PostgreSQL database) per measurement.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Writer: each caller sends batches of {EventsPerBatch} product views (with event ids) through the app's `BatchingEventWriter` and `EventStore` (default `Events` settings, SQLite at the app's default synchronous level) and waits for the commit, as `POST /events` does before answering 202; {duration.TotalSeconds:F0} s per row.");
        text.AppendLine("Raw: right after, the same rows into a fresh database of the same engine and schema, by one connection, in transactions of the writer's mean rows per group commit: multi-row `INSERT` (up to 100 rows a statement); on SQLite also one prepared single-row `INSERT` per row, on PostgreSQL Npgsql binary `COPY`. The goal compares the writer with the best raw method. One run on a shared machine: differences under about 20 % are noise.");
        text.AppendLine();
        text.AppendLine("A second writer run on PostgreSQL adds `Max Auto Prepare=16;Auto Prepare Min Usages=2` to the connection string (Npgsql then prepares the writer's repeated statements; the app's default connection string does not): it shows whether parsing or round trips are the cost.");
        text.AppendLine();
        text.AppendLine("| engine | callers | writer events/s | rows per commit | batch p50 | batch p99 | writer, auto-prepared | raw multi-row INSERT | raw row-by-row INSERT | raw COPY | writer vs best raw |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows.OrderBy(r => r.Provider).ThenBy(r => r.Callers))
        {
            string Cell(RawMethod method) => row.Raw.TryGetValue(method, out var perSecond) ? perSecond.ToString("N0", CultureInfo.InvariantCulture) : "—";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Provider} | {row.Callers} | {row.WriterPerSecond:N0} | {row.RowsPerCommit} | {row.P50Ms:F2} ms | {row.P99Ms:F2} ms | {(double.IsNaN(row.PreparedPerSecond) ? "—" : row.PreparedPerSecond.ToString("N0", CultureInfo.InvariantCulture))} | {Cell(RawMethod.MultiRowInsert)} | {Cell(RawMethod.SingleRowInsert)} | {Cell(RawMethod.Copy)} | {row.WriterPerSecond / row.Raw.Values.Max():P0} |");
        }

        return text.ToString();
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];

    private sealed record Row(
        StorageProvider Provider, int Callers, double WriterPerSecond, int RowsPerCommit, double P50Ms, double P99Ms, IReadOnlyDictionary<RawMethod, double> Raw, double PreparedPerSecond);
}
