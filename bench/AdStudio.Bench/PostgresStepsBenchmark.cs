using System.Globalization;
using System.Text;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Bench;

/// <summary>
/// The profiling step over 1,000,000 events (full, then incremental) and the <c>train</c> step over the model benchmark's
/// synthetic history, each on PostgreSQL against SQLite in the same run, each beside the time to read the same rows
/// from the same database. A step that fails on an engine is reported with its error instead of a time.
/// </summary>
internal static class PostgresStepsBenchmark
{
    private const int TrainShoppers = 100_000;
    private const int ImpressionsPerShopper = 10;
    private static readonly DateTime End = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    /// <summary><paramref name="args"/>: <c>profile</c>, <c>train</c> or nothing for both; each part writes its own result file.</summary>
    public static async Task RunAsync(string root, string[] args)
    {
        var part = args.Length > 0 ? args[0] : "all";
        if (part is "all" or "profile")
        {
            await ProfileAsync(root);
        }

        if (part is "all" or "train")
        {
            await TrainAsync(root);
        }
    }

    private static async Task ProfileAsync(string root)
    {
        var results = new Dictionary<StorageProvider, (ProfilingFigures? Figures, string? Error)>();
        foreach (var provider in new[] { StorageProvider.Sqlite, StorageProvider.Postgres })
        {
            try
            {
                await using var database = await BenchDatabase.CreateAsync(provider, "profile");
                var figures = await ProfilingBenchmark.MeasureAsync(database);
                Console.WriteLine($"{provider}: read {figures.ReadAll.TotalSeconds:F2} s, full {figures.Full.TotalSeconds:F2} s, read new {figures.ReadNew.TotalSeconds:F2} s, incremental {figures.Incremental.TotalSeconds:F2} s");
                results[provider] = (figures, null);
            }
            catch (Exception ex)
            {
                Console.WriteLine($"{provider}: failed: {ex}");
                results[provider] = (null, Describe(ex));
            }
        }

        var text = Header("Profiling on PostgreSQL against SQLite", "profile");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Data: {ProfilingBenchmark.Shoppers:N0} consenting shoppers with {ProfilingBenchmark.EventsPerShopper} behaviour events each over 60 days (the profiling benchmark's), written to a fresh database per engine; then {ProfilingBenchmark.NewEvents:N0} new events for the incremental run. Each run includes reloading the in-memory audience and materialising segment membership; its baseline reads the same rows from the same database.");
        text.AppendLine();
        text.AppendLine("| measurement | SQLite: read the rows | SQLite: step | PostgreSQL: read the rows | PostgreSQL: step | step, PostgreSQL / SQLite |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        Row(text, $"full run, {ProfilingBenchmark.Shoppers * ProfilingBenchmark.EventsPerShopper:N0} events", results, f => f.ReadAll, f => f.Full);
        Row(text, $"incremental run, {ProfilingBenchmark.NewEvents:N0} new events", results, f => f.ReadNew, f => f.Incremental);
        AppendErrors(text, results.ToDictionary(r => r.Key, r => r.Value.Error));
        await WriteAsync(root, "postgres-profile.md", text);
    }

    private static async Task TrainAsync(string root)
    {
        Console.WriteLine("Generating history …");
        var history = SyntheticHistory.Generate(TrainShoppers, ImpressionsPerShopper, 10, End);
        var results = new Dictionary<StorageProvider, (TimeSpan Read, TimeSpan Step, string Summary)?>();
        var errors = new Dictionary<StorageProvider, string?>();
        // PostgreSQL first here (SQLite went first for profiling), so drift over the run does not always favour one engine.
        foreach (var provider in new[] { StorageProvider.Postgres, StorageProvider.Sqlite })
        {
            try
            {
                results[provider] = await TrainingStepBenchmark.RunAsync(history, provider);
                errors[provider] = null;
                Console.WriteLine($"{provider}: read {results[provider]!.Value.Read.TotalSeconds:F2} s, train {results[provider]!.Value.Step.TotalSeconds:F2} s");
            }
            catch (Exception ex)
            {
                Console.WriteLine($"{provider}: failed: {ex}");
                results[provider] = null;
                errors[provider] = Describe(ex);
            }
        }

        var text = Header("The `train` step on PostgreSQL against SQLite", "train");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Data: the model benchmark's synthetic history ({TrainShoppers:N0} shoppers, {history.Impressions.Count:N0} impressions with their clicks and conversions, {history.Events.Count:N0} behaviour events over 30 days), written to a fresh database per engine. The step: read, replay, fit every default trainer for CTR and CVR, importance, save, promote. Baseline: reading the same columns from the same database.");
        text.AppendLine();
        text.AppendLine("| engine | read the same columns | `train` step | result |");
        text.AppendLine("|---|---:|---:|---|");
        foreach (var provider in new[] { StorageProvider.Sqlite, StorageProvider.Postgres })
        {
            text.AppendLine(results[provider] is { } r
                ? string.Create(CultureInfo.InvariantCulture, $"| {provider} | {r.Read.TotalSeconds:F2} s | {r.Step.TotalSeconds:F2} s | {r.Summary.ReplaceLineEndings(" ")} |")
                : $"| {provider} | — | failed | see below |");
        }

        if (results[StorageProvider.Sqlite] is { } s && results[StorageProvider.Postgres] is { } p)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL / SQLite: read {p.Read / s.Read:P0}, step {p.Step / s.Step:P0}.");
        }

        AppendErrors(text, errors);
        await WriteAsync(root, "postgres-train.md", text);
    }

    private static StringBuilder Header(string title, string part)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {title} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"`dotnet run -c Release --project bench/AdStudio.Bench -- postgres-steps {part}` on {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; PostgreSQL at {BenchDatabase.ServerDescription()} on the same machine, SQLite in a temporary folder. One run on a shared machine.");
        return text;
    }

    private static void Row(
        StringBuilder text,
        string label,
        Dictionary<StorageProvider, (ProfilingFigures? Figures, string? Error)> results,
        Func<ProfilingFigures, TimeSpan> read,
        Func<ProfilingFigures, TimeSpan> step)
    {
        string Cell(StorageProvider provider, Func<ProfilingFigures, TimeSpan> pick) =>
            results[provider].Figures is { } f ? string.Create(CultureInfo.InvariantCulture, $"{pick(f).TotalSeconds:F2} s") : "failed";
        var ratio = results[StorageProvider.Sqlite].Figures is { } s && results[StorageProvider.Postgres].Figures is { } p
            ? (step(p) / step(s)).ToString("P0", CultureInfo.InvariantCulture)
            : "—";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {label} | {Cell(StorageProvider.Sqlite, read)} | {Cell(StorageProvider.Sqlite, step)} | {Cell(StorageProvider.Postgres, read)} | {Cell(StorageProvider.Postgres, step)} | {ratio} |");
    }

    private static void AppendErrors(StringBuilder text, Dictionary<StorageProvider, string?> errors)
    {
        foreach (var (provider, error) in errors.Where(e => e.Value is not null))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**{provider} failed:** `{error}`");
        }
    }

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}";

    private static async Task WriteAsync(string root, string file, StringBuilder text)
    {
        Console.WriteLine(text);
        var path = Path.Combine(root, "bench", "results", file);
        await File.WriteAllTextAsync(path, text.ToString());
        Console.WriteLine($"Wrote {path}");
    }
}
