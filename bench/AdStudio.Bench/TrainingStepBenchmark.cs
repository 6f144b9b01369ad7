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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Bench;

/// <summary>
/// The real <c>train</c> step end to end — read from the database, replay, fit every trainer for CTR and CVR, importance,
/// save, promote — on a database (SQLite by default, or PostgreSQL) holding the synthetic history, against reading the
/// same columns from the same database.
/// </summary>
internal static class TrainingStepBenchmark
{
    public static async Task<(TimeSpan Read, TimeSpan Step, string Summary)> RunAsync(SyntheticHistory history, StorageProvider provider = StorageProvider.Sqlite)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, "train");
        var factory = database.Factory;
        var folder = database.Folder;
        Console.WriteLine($"Writing the history to {provider} …");
        await FillAsync(factory, history);
        var read = await TimeAsync(() => ReadAsync(factory));
        var clock = new FixedClock(new DateTimeOffset(history.Impressions[^1].At.AddHours(1)));
        var modeling = Options.Create(new ModelingOptions());
        var serving = Options.Create(new ServingOptions());
        var shop = Options.Create(StandardPlacements.Shop());
        var step = new ModelTrainingStep(
            new TrainingDataLoader(factory, new SmoothingPrior(serving.Value.PriorStrength), shop, Options.Create(new DemoOptions())),
            new ChampionChallenger(factory, new ModelFiles(FileStore(database, clock)), new ModelRegistry(factory, clock), modeling),
            modeling,
            clock);
        Console.WriteLine("Running the train step …");
        var summary = "";
        var run = await TimeAsync(async () => summary = await step.RunAsync(new Progress<double>(), CancellationToken.None));
        return (read, run, summary);
    }

    /// <summary>The store the app keeps model files in: the data folder on SQLite, the database on PostgreSQL (as DataSetup chooses).</summary>
    private static IFileStore FileStore(BenchDatabase database, TimeProvider clock) => database.Target.IsPostgres
        ? new DatabaseFileStore(database.Factory, clock)
        : new LocalFileStore(new DataPaths(database.Folder));

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
        // Multi-row statements: PostgreSQL would otherwise pay a round trip per row; the rows are the same on both engines.
        await using (var insertEvent = new MultiRowInsert(connection, transaction, "BehaviourEvents", ["ShopperId", "Type", "Category", "ProductId", "Amount", "OccurredAt"]))
        {
            foreach (var ev in history.Events)
            {
                await insertEvent.AddAsync(ev.ShopperId, (int)ev.Type, ev.Category, "p", ev.Amount, ev.At);
            }

            await insertEvent.FlushAsync();
        }

        string[] adColumns = ["Type", "DecisionId", "ShopperId", "CampaignId", "CreativeId", "Placement", "Cost", "Revenue", "OccurredAt"];
        await using (var insertAdEvent = new MultiRowInsert(connection, transaction, "AdEvents", adColumns))
        {
            var impressionNumber = 0;
            foreach (var i in history.Impressions)
            {
                var decision = $"d{impressionNumber++:D8}";
                await insertAdEvent.AddAsync(0, decision, i.ShopperId, campaign, ids[i.CreativeId], i.Placement, 0.0, 0.0, i.At);
                if (i.ClickedAt is { } clicked)
                {
                    await insertAdEvent.AddAsync(1, decision, i.ShopperId, campaign, ids[i.CreativeId], i.Placement, 0.0, 0.0, clicked);
                    if (i.Converted)
                    {
                        await insertAdEvent.AddAsync(2, decision, i.ShopperId, campaign, ids[i.CreativeId], i.Placement, 0.0, 0.0, clicked.AddMinutes(5));
                    }
                }
            }

            await insertAdEvent.FlushAsync();
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

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started);
    }
}
