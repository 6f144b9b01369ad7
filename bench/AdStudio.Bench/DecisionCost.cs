using System.Diagnostics;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace AdStudio.Bench;

/// <summary>In-process cost of one decision on the demo snapshot: the engine alone, and with the signed decision id.</summary>
internal static class DecisionCost
{
    public static async Task<(double DecideNs, double ServeNs, int Campaigns)> MeasureAsync(string dataDirectory, int iterations)
    {
        var db = new PooledDbContextFactory<AdStudioDb>(new DbContextOptionsBuilder<AdStudioDb>()
            .UseSqlite(DataOptions.SqliteConnectionString(dataDirectory)).Options);
        var options = new ServingOptions();
        var shop = new ShopOptions { Placements = new() { ["sidebar"] = StandardPlacements.Create()["sidebar"] } };
        var snapshot = await new SnapshotBuilder(db, Options.Create(options), Options.Create(shop)).BuildAsync(DateTime.UtcNow, CancellationToken.None);
        var engine = new DecisionEngine(options.ExplorationRate);
        var server = new AdServer(engine, new DecisionTokenCodec(new byte[32]));
        var shoppers = Enumerable.Range(1, 20_000).Select(i => $"shopper-{i:D6}").ToArray();
        var now = DateTime.UtcNow;
        var random = new Random(1);

        double Time(Action<string> call)
        {
            for (var i = 0; i < iterations / 10; i++)
            {
                call(shoppers[i % shoppers.Length]);
            }

            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                call(shoppers[i % shoppers.Length]);
            }

            return Stopwatch.GetElapsedTime(started).TotalNanoseconds / iterations;
        }

        var decide = Time(s => engine.Decide(snapshot, s, "sidebar", now, random));
        var serve = Time(s => server.Serve(snapshot, s, "sidebar", now, random));
        return (decide, serve, snapshot.Campaigns.Count);
    }
}
