using System.Diagnostics;
using System.Globalization;
using System.Text;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Shoppers.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace AdStudio.Bench;

/// <summary>
/// The CSV import (<see cref="CsvImporter"/>): a file of shoppers and a file of behaviour events, each imported
/// into a fresh SQLite file, then the same file again (every row unchanged). Prints rows per second; the median of
/// a few runs, as the machine is shared. Writes <c>bench/results/import.md</c>.
/// </summary>
internal static class ImportBenchmark
{
    private const int Shoppers = 100_000;
    private const int Events = 300_000;
    private const int Runs = 5;

    public static async Task RunAsync(string root)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# CSV import benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"`dotnet run -c Release --project bench/AdStudio.Bench -- import` on {Environment.ProcessorCount} cores: `CsvImporter` into a fresh SQLite file, then the same file again (every row unchanged); median of {Runs} runs on a shared machine.");
        report.AppendLine();
        report.AppendLine("| file | rows | first import, rows/s | same file again, rows/s |");
        report.AppendLine("|---|---:|---:|---:|");
        var folder = Path.Combine(Path.GetTempPath(), $"adstudio-import-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var shoppers = Path.Combine(folder, "shoppers.csv");
            var events = Path.Combine(folder, "events.csv");
            await WriteFilesAsync(shoppers, events);
            foreach (var (kind, file, rows) in new[] { (CsvImporter.Shoppers, shoppers, Shoppers), (CsvImporter.Events, events, Events) })
            {
                var first = new List<double>();
                var again = new List<double>();
                for (var run = 0; run < Runs; run++)
                {
                    var (firstSeconds, againSeconds) = await MeasureAsync(Path.Combine(folder, $"db-{kind}-{run}"), kind, file);
                    first.Add(rows / firstSeconds);
                    again.Add(rows / againSeconds);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{kind,-9} {rows:N0} rows: first import {Median(first):N0} rows/s, same file again {Median(again):N0} rows/s (median of {Runs})"));
                report.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {rows:N0} | {Median(first):N0} | {Median(again):N0} |");
            }

            var path = Path.Combine(root, "bench", "results", "import.md");
            await File.WriteAllTextAsync(path, report.ToString());
            Console.WriteLine($"Wrote {path}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double First, double Again)> MeasureAsync(string dataFolder, string kind, string file)
    {
        Directory.CreateDirectory(dataFolder);
        var factory = new PooledDbContextFactory<AdStudioDb>(new DbContextOptionsBuilder<AdStudioDb>().UseSqlite(DataOptions.SqliteConnectionString(dataFolder)).Options);
        await new DatabaseInitializer(factory).InitializeAsync(CancellationToken.None);
        var clock = new FixedClock(new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc));
        // Opt-out, so every imported shopper's events are stored (what the import measured before consent rules).
        var suppressions = new Suppressions(await ShopperPseudonyms.LoadAsync(factory, CancellationToken.None));
        var consent = new IngestConsent(Options.Create(new PrivacyOptions { ConsentModel = ConsentModels.OptOut }), suppressions, clock);
        var importer = new CsvImporter(factory, new DataPaths(dataFolder), clock, Options.Create(new EventWriterOptions()), consent, suppressions);
        var first = await TimeAsync(importer, kind, file);
        var again = await TimeAsync(importer, kind, file);
        return (first, again);
    }

    private static async Task<double> TimeAsync(CsvImporter importer, string kind, string file)
    {
        await using var stream = File.OpenRead(file);
        var watch = Stopwatch.StartNew();
        await importer.ImportAsync(kind, stream, "bench", CancellationToken.None);
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task WriteFilesAsync(string shoppers, string events)
    {
        await using (var writer = new StreamWriter(shoppers, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync("shopperId,consent,ageBand,gender,region");
            for (var i = 0; i < Shoppers; i++)
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"s{i:D6},{(i % 3 == 0 ? "no" : "yes")},25-34,{(i % 2 == 0 ? "female" : "male")},north"));
            }
        }

        string[] types = ["view", "search", "add_to_cart", "purchase"];
        var start = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var writer = new StreamWriter(events, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync("shopperId,type,timestamp,category,productId,query,amount,dwellSeconds");
            for (var i = 0; i < Events; i++)
            {
                var type = types[i % types.Length];
                var at = start.AddSeconds(i * 7).ToString("O", CultureInfo.InvariantCulture);
                await writer.WriteLineAsync(type switch
                {
                    "search" => string.Create(CultureInfo.InvariantCulture, $"s{i % Shoppers:D6},search,{at},,,garden chairs,,"),
                    "purchase" => string.Create(CultureInfo.InvariantCulture, $"s{i % Shoppers:D6},purchase,{at},books,b-{i % 500},,{10 + (i % 90)}.5,"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"s{i % Shoppers:D6},{type},{at},books,b-{i % 500},,,{i % 120}"),
                });
            }
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
