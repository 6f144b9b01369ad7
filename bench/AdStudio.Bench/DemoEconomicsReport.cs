using System.Diagnostics;
using System.Globalization;
using System.Text;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using AdStudio.Core.Simulation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace AdStudio.Bench;

/// <summary>
/// <c>demo-economics [shoppers] [days] [seed]</c>: seeds the demo into a temporary SQLite file with the real seed
/// step (defaults: the app's Demo settings) and prints CTR, CVR, ROAS, ROI, CPC and CPM from the rollups; also written
/// to <c>bench/results/demo-economics.md</c>.
/// </summary>
internal static class DemoEconomicsReport
{
    public static async Task RunAsync(string root, string[] args)
    {
        var options = new DemoOptions();
        options.Shoppers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : options.Shoppers;
        options.Days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : options.Days;
        options.Seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : options.Seed;
        var folder = Path.Combine(Path.GetTempPath(), $"adstudio-economics-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var factory = new PooledDbContextFactory<AdStudioDb>(new DbContextOptionsBuilder<AdStudioDb>().UseSqlite(DataOptions.SqliteConnectionString(folder)).Options);
            await new DatabaseInitializer(factory).InitializeAsync(CancellationToken.None);
            var serving = new ServingOptions();
            var seeder = new DemoSeeder(
                factory,
                new EventStore(factory),
                new SnapshotBuilder(factory, Options.Create(serving), Options.Create(StandardPlacements.Shop())),
                new AdServer(new DecisionEngine(serving.ExplorationRate), new DecisionTokenCodec(new byte[32])),
                Options.Create(options),
                new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero)));
            var watch = Stopwatch.StartNew();
            var summary = await seeder.RunAsync(new Progress<double>(), CancellationToken.None);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"# Demo economics — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Demo:Shoppers {options.Shoppers}, Demo:Days {options.Days}, Demo:Seed {options.Seed}. {summary} (seeded in {watch.Elapsed.TotalSeconds:F0} s)");
            report.AppendLine();
            report.AppendLine("| campaign | impressions | clicks | conversions | CTR | CVR (per click) | spend | revenue | ROAS | ROI | CPC | CPM |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            await using var db = await factory.CreateDbContextAsync();
            foreach (var e in await DemoEconomics.MeasureAsync(db, CancellationToken.None))
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {e.Name} | {e.Impressions:N0} | {e.Clicks:N0} | {e.Conversions:N0} | {e.Ctr:P2} | {e.Cvr:P1} | € {e.Spend:N0} | € {e.Revenue:N0} | {e.Roas:F1} | {e.Roi:P0} | € {e.Cpc:F2} | € {e.Cpm:F2} |");
            }

            Console.WriteLine(report);
            await File.WriteAllTextAsync(Path.Combine(root, "bench", "results", "demo-economics.md"), report.ToString());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
