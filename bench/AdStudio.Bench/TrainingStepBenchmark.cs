using System.Data.Common;
using System.Diagnostics;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using AdStudio.Core.Simulation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace AdStudio.Bench;

/// <summary>
/// The real <c>train</c> step end to end — read from SQLite, replay, fit every trainer for CTR and CVR, importance,
/// save, promote — on a database holding the synthetic history, against reading the same columns from SQLite.
/// </summary>
internal static class TrainingStepBenchmark
{
    public static async Task<(TimeSpan Read, TimeSpan Step, string Summary)> RunAsync(SyntheticHistory history)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"adstudio-train-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var factory = new PooledDbContextFactory<AdStudioDb>(new DbContextOptionsBuilder<AdStudioDb>().UseSqlite(DataOptions.SqliteConnectionString(folder)).Options);
            await new DatabaseInitializer(factory).InitializeAsync(CancellationToken.None);
            Console.WriteLine("Writing the history to SQLite …");
            await FillAsync(factory, history);
            var read = await TimeAsync(() => ReadAsync(factory));
            var clock = new FixedClock(new DateTimeOffset(history.Impressions[^1].At.AddHours(1)));
            var modeling = Options.Create(new ModelingOptions());
            var serving = Options.Create(new ServingOptions());
            var shop = Options.Create(StandardPlacements.Shop());
            var step = new ModelTrainingStep(
                new TrainingDataLoader(factory, new SmoothingPrior(serving.Value.PriorStrength), shop, Options.Create(new DemoOptions())),
                new ChampionChallenger(factory, new ModelFiles(new LocalFileStore(new DataPaths(folder))), new ModelRegistry(factory, clock), modeling),
                modeling,
                clock);
            Console.WriteLine("Running the train step …");
            var summary = "";
            var run = await TimeAsync(async () => summary = await step.RunAsync(new Progress<double>(), CancellationToken.None));
            return (read, run, summary);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task FillAsync(IDbContextFactory<AdStudioDb> factory, SyntheticHistory history)
    {
        await using var db = await factory.CreateDbContextAsync();
        var creatives = history.Creatives.Values.OrderBy(c => c.Id).Select(c => new Creative
        {
            Name = $"c{c.Id}",
            Headline = new string('x', c.HeadlineLength),
            LandingUrl = "https://shop.example",
            Category = c.Category,
            ImageUrl = $"/bench/{c.Id}.png",
            Width = 300,
            Height = 250,
            Discount = c.Discount,
            Status = CreativeStatus.Approved,
        }).ToList();
        db.Campaigns.Add(new Campaign { Name = "bench", BidType = BidType.Cpc, Bid = 0.5, DailyBudget = 1e6, TotalBudget = 1e9, Creatives = creatives });
        await db.SaveChangesAsync();
        var ids = creatives.Select((c, i) => (Synthetic: i + 1, c.Id)).ToDictionary(x => x.Synthetic, x => x.Id);
        var campaign = await db.Campaigns.Select(c => c.Id).SingleAsync();

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insertEvent = BenchSql.Command(connection, transaction, """INSERT INTO "BehaviourEvents" ("ShopperId","Type","Category","ProductId","Amount","OccurredAt") VALUES (@s,@t,@c,'p',@a,@at)""", "@s", "@t", "@c", "@a", "@at"))
        {
            foreach (var ev in history.Events)
            {
                Set(insertEvent, ev.ShopperId, (int)ev.Type, ev.Category, ev.Amount, ev.At);
                await insertEvent.ExecuteNonQueryAsync();
            }
        }

        await using (var insertAdEvent = BenchSql.Command(connection, transaction, """INSERT INTO "AdEvents" ("Type","DecisionId","ShopperId","CampaignId","CreativeId","Placement","Cost","Revenue","OccurredAt") VALUES (@t,@d,@s,@c,@cr,@p,0,0,@at)""", "@t", "@d", "@s", "@c", "@cr", "@p", "@at"))
        {
            var impressionNumber = 0;
            foreach (var i in history.Impressions)
            {
                var decision = $"d{impressionNumber++:D8}";
                Set(insertAdEvent, 0, decision, i.ShopperId, campaign, ids[i.CreativeId], i.Placement, i.At);
                await insertAdEvent.ExecuteNonQueryAsync();
                if (i.ClickedAt is { } clicked)
                {
                    Set(insertAdEvent, 1, decision, i.ShopperId, campaign, ids[i.CreativeId], i.Placement, clicked);
                    await insertAdEvent.ExecuteNonQueryAsync();
                    if (i.Converted)
                    {
                        Set(insertAdEvent, 2, decision, i.ShopperId, campaign, ids[i.CreativeId], i.Placement, clicked.AddMinutes(5));
                        await insertAdEvent.ExecuteNonQueryAsync();
                    }
                }
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>The baseline: the columns the step reads, read and dropped.</summary>
    private static async Task ReadAsync(IDbContextFactory<AdStudioDb> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var sql in new[]
        {
            """SELECT "ShopperId","OccurredAt","Type","Category","Amount" FROM "BehaviourEvents" ORDER BY "OccurredAt" """,
            """SELECT "ShopperId","OccurredAt","CreativeId","Placement","DecisionId","Type" FROM "AdEvents" ORDER BY "OccurredAt" """,
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var f = 0; f < reader.FieldCount; f++)
                {
                    _ = reader.GetValue(f);
                }
            }
        }
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started);
    }
}
