using System.Diagnostics;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace AdStudio.Bench;

/// <summary>
/// In-process cost of one decision on the demo snapshot, with its active models when the data has any: the engine
/// alone, and with the signed decision id, in time and bytes allocated per decision. Both calls take the live path
/// (<see cref="Random.Shared"/>, as <c>/serve</c> passes), so the nonce is drawn as live traffic draws it.
/// </summary>
internal static class DecisionCost
{
    public static async Task<DecisionCostResult> MeasureAsync(string dataDirectory, int iterations)
    {
        var db = new PooledDbContextFactory<AdStudioDb>(new DbContextOptionsBuilder<AdStudioDb>()
            .UseSqlite(DataOptions.SqliteConnectionString(dataDirectory)).Options);
        var options = new ServingOptions();
        var shop = new ShopOptions { Placements = new() { ["sidebar"] = StandardPlacements.Create()["sidebar"] } };
        var loader = new ActiveModelLoader(new ModelFiles(new LocalFileStore(new DataPaths(dataDirectory))), TimeProvider.System);
        var snapshot = await new SnapshotBuilder(db, Options.Create(options), Options.Create(shop), loader).BuildAsync(DateTime.UtcNow, CancellationToken.None);
        var engine = new DecisionEngine(options.ExplorationRate);
        var server = new AdServer(engine, new DecisionTokenCodec(new byte[32]));
        var shoppers = Enumerable.Range(1, 20_000).Select(index => $"shopper-{index:D6}").ToArray();
        var now = DateTime.UtcNow;

        (double Nanoseconds, double Bytes) Time(Action<string> call)
        {
            for (var i = 0; i < iterations / 10; i++)
            {
                call(shoppers[i % shoppers.Length]);
            }

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                call(shoppers[i % shoppers.Length]);
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalNanoseconds;
            return (elapsed / iterations, (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / iterations);
        }

        var decide = Time(shopper => engine.Decide(snapshot, shopper, "sidebar", now, Random.Shared));
        var serve = Time(shopper => server.Serve(snapshot, shopper, "sidebar", now, Random.Shared));
        return new DecisionCostResult(decide.Nanoseconds, decide.Bytes, serve.Nanoseconds, serve.Bytes, snapshot.Campaigns.Count, snapshot.Models.Ctr?.VersionId, snapshot.Models.Cvr?.VersionId);
    }
}
