using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AdStudio.Core.Audiences;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using AdStudio.Core.Simulation;
using Microsoft.ML;

namespace AdStudio.Bench;

/// <summary>
/// The model pipeline at scale: building point-in-time rows for and training every trainer on 1,000,000 impressions,
/// batch scoring 1,000,000 shopper × campaign pairs, and the cost of the model call inside one /serve decision —
/// each against a baseline measured in the same run.
/// </summary>
internal static class ModelBenchmark
{
    private const int Shoppers = 100_000;
    private const int ImpressionsPerShopper = 10;
    private static readonly DateTime End = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    public static async Task RunAsync(string root)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Model training and scoring benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}. History drawn in memory from the simulator's world and ground truth: {Shoppers:N0} shoppers, {Shoppers * ImpressionsPerShopper:N0} impressions and 10 behaviour events per consenting shopper over 30 days.");
        report.AppendLine();

        Console.WriteLine("Generating history …");
        var history = SyntheticHistory.Generate(Shoppers, ImpressionsPerShopper, 10, End);
        var builder = new ClickFeatureBuilder(Catalog.Categories, ["mobile", "sidebar"]);
        var build = Time(() => builder.Build(history.Events, history.Impressions, history.Creatives), out var rows);
        var cut = End.AddDays(-5);
        var training = rows.Where(r => r.At < cut).ToList();
        var validation = rows.Where(r => r.At >= cut).ToList();
        var baseline = Time(() => ReadOnce(training), out var meanLabel);

        report.AppendLine("## Training on 1,000,000 impressions");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{training.Count:N0} training and {validation.Count:N0} validation rows (newest 5 days); click rate {meanLabel:P2}. Baseline: ML.NET reading the training rows once (a cursor over the label column) — the floor any trainer pays.");
        report.AppendLine();
        report.AppendLine("| part | seconds | validation AUC | log loss (nats) |");
        report.AppendLine("|---|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| baseline: read the rows once | {baseline.TotalSeconds:F1} | | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| point-in-time feature rows (replay) | {build.TotalSeconds:F1} | | |");
        var oracle = Oracle(history, validation);
        var total = build;
        TrainedModel? best = null;
        foreach (var trainer in TrainerKind.All)
        {
            Console.WriteLine($"Training {trainer} …");
            var fit = Time(() => new ClickModelTrainer().Fit(trainer, ModelKind.Ctr, training, validation), out var model);
            var sample = validation.Take(20_000).ToList();
            var ml = new MLContext(1);
            var schema = ClickModelTrainer.Schema(builder.Layout.Width);
            var importance = Time(() => PermutationImportance.Compute(v => ClickModelTrainer.Predict(ml, model.Model, schema, v), [.. sample.Select(r => r.Features)], [.. sample.Select(r => r.Clicked)], builder.Layout.FeatureGroups()), out _);
            total += fit + importance;
            report.AppendLine(CultureInfo.InvariantCulture, $"| {trainer}: fit + validate (+ importance on 20,000 rows) | {fit.TotalSeconds:F1} (+ {importance.TotalSeconds:F1}) | {model.Metrics.Auc:F4} | {model.Metrics.LogLoss:F4} |");
            best = best is null || model.Metrics.LogLoss < best.Metrics.LogLoss ? model : best;
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| oracle (true probabilities) | | {oracle.Auc:F4} | {oracle.LogLoss:F4} |");
        var ceiling = ObservableCeiling(history, validation, builder.Layout);
        report.AppendLine(CultureInfo.InvariantCulture, $"| oracle with the observed (shrunk) interest share in place of the true one, every other term still true | | {ceiling.Auc:F4} | {ceiling.LogLoss:F4} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| **all of the above: one `train` run's CTR work** | **{total.TotalSeconds:F1}** | | |");
        report.AppendLine();

        var (read, step, summary) = await TrainingStepBenchmark.RunAsync(history);
        report.AppendLine("## The `train` step end to end on SQLite");
        report.AppendLine();
        report.AppendLine("The same history written to a SQLite database, then the real step: read, replay, fit all four trainers for CTR and for CVR (on the clicks), importance, save every model, promote. No oracle (not demo data). Baseline: reading the same columns from SQLite and dropping them.");
        report.AppendLine();
        report.AppendLine("| measurement | seconds |");
        report.AppendLine("|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| baseline: read the step's columns | {read.TotalSeconds:F1} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| **`train` step, CTR and CVR** | **{step.TotalSeconds:F1}** |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"The run's message: {summary}");
        report.AppendLine();

        Console.WriteLine("Scoring …");
        Scoring(report, history, best!, builder.Layout);
        Console.WriteLine(report);
        File.WriteAllText(Path.Combine(root, "bench", "results", "models.md"), report.ToString());
    }

    private static void Scoring(StringBuilder report, SyntheticHistory history, TrainedModel best, FeatureLayout layout)
    {
        var ml = new MLContext(1);
        var scorer = new ModelScorer(1, ModelKind.Ctr, ml, best.Model, layout, layout.Categories);
        var features = history.World.Shoppers.ToFrozenDictionary(
            s => s.Id, s => new ShopperFeatures(s.Interests, 10, 1, End.AddDays(-2), 0.2, 0.1, -s.PriceSensitivity / 4), StringComparer.Ordinal);
        var models = new ServingModels(scorer, null, [.. layout.Categories], features);
        var placements = new Dictionary<string, PlacementSize> { ["sidebar"] = new() { Width = 300, Height = 250 } }.ToFrozenDictionary();
        var demo = DemoCatalog.Campaigns.Select((c, i) => Campaign(i + 1, c)).ToList();
        var withModels = new ServingSnapshot(End, demo, placements, FrozenDictionary<string, int[]>.Empty, models: models);
        var withoutModels = new ServingSnapshot(End, demo, placements, FrozenDictionary<string, int[]>.Empty);
        var ids = history.World.Shoppers.Select(s => s.Id).ToArray();

        // 1,000,000 pairs: ten campaigns of one creative each over the 100,000 shoppers.
        var single = demo.Take(10).Select(c => c with { Creatives = [c.Creatives[0]] }).ToList();
        var audience = new AudienceScorer(new ServingSnapshot(End, single, placements, FrozenDictionary<string, int[]>.Empty, models: models), 2);
        var scoring = Time(() => single.Sum(c => audience.Score(c, ids, End.AddHours(14), 1000, CancellationToken.None).Shoppers), out var pairs);
        var vectors = single.SelectMany(c => ids.Select(id =>
        {
            var vector = new float[layout.Width];
            var profile = features[id];
            layout.Write(vector, profile, profile.Interests, c.Creatives[0].Facts, layout.CategoryIndex(c.Creatives[0].Category), End.AddHours(14), "sidebar", c.Creatives[0].SmoothedCtr);
            return vector;
        })).ToList();
        var batch = Time(() => ClickModelTrainer.Predict(ml, best.Model, ClickModelTrainer.Schema(layout.Width), vectors).Length, out _);

        report.AppendLine("## Batch scoring 1,000,000 shopper × campaign pairs");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Model: {best.Trainer} (the best above). Baseline: ML.NET's own batch transform of the same {vectors.Count:N0} feature vectors, already built.");
        report.AppendLine();
        report.AppendLine("| measurement | seconds |");
        report.AppendLine("|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| baseline: batch transform of prebuilt vectors | {batch.TotalSeconds:F1} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| `score` step's scorer: targeting, features, pooled engines on {Environment.ProcessorCount} cores, ranking, top 1,000 ({pairs:N0} pairs) | {scoring.TotalSeconds:F1} |");
        report.AppendLine();

        var engine = new DecisionEngine(0);
        var random = new Random(1);
        var plain = PerCall(i => engine.Decide(withoutModels, ids[i % ids.Length], "sidebar", End.AddHours(i % 24), random));
        var modelled = PerCall(i => engine.Decide(withModels, ids[i % ids.Length], "sidebar", End.AddHours(i % 24), random));
        var creative = demo[0].Creatives[0];
        var one = PerCall(i => scorer.Predict(features[ids[i % ids.Length]], creative.Facts, End.AddHours(i % 24), "sidebar", 0.02));
        var candidates = demo.Sum(c => c.Creatives.Count(cr => placements["sidebar"].Fits(cr.Width, cr.Height)));
        report.AppendLine("## Model cost inside one decision");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"The {demo.Count} demo campaigns ({candidates} creatives fit the sidebar), every one eligible. Baseline: the same decision ranking by smoothed CTR (no model). Model: {best.Trainer}, pooled prediction engines.");
        report.AppendLine();
        report.AppendLine("| measurement | µs per call |");
        report.AppendLine("|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| baseline: decision without a model | {plain:F2} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| decision with the CTR model ({candidates} predictions) | {modelled:F2} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| one model prediction (features + pooled engine) | {one:F2} |");
        report.AppendLine();
        report.AppendLine("Reproduce: `dotnet run -c Release --project bench/AdStudio.Bench -- models`.");
    }

    private static ServingCampaign Campaign(int id, DemoCampaign demoCampaign) => new(
        id, demoCampaign.BidType, demoCampaign.Bid, 1e9, 1e9, 0, 0, End.AddDays(-60), null, [], [], [],
        [.. demoCampaign.Creatives.Select((cr, i) => new ServingCreative((id * 10) + i, cr.Headline, "", "", demoCampaign.Category, cr.Width, cr.Height, 0.015, Discount: cr.Discount))],
        null, 0.1);

    private static BinaryMetrics Oracle(SyntheticHistory history, List<ClickRow> validation)
    {
        var shoppers = history.World.Shoppers.ToDictionary(s => s.Id);
        var demo = DemoCatalog.Campaigns.SelectMany(c => c.Creatives.Select(cr => new CreativeTruth(Catalog.IndexOf(c.Category), cr.Appeal, cr.Discount))).ToArray();
        return BinaryMetrics.Compute([.. validation.Select(r => r.Clicked)], [.. validation.Select(r => GroundTruth.ClickProbability(shoppers[r.ShopperId], demo[r.CreativeId - 1], r.Hour))]);
    }

    /// <summary>
    /// The ground-truth formula with one change: the shopper's true interest in the ad's category is replaced by what
    /// their behaviour shows (the decayed share, shrunk toward uniform by two pseudo-events). How close any model can
    /// get when interests must be inferred from the events on record.
    /// </summary>
    private static BinaryMetrics ObservableCeiling(SyntheticHistory history, List<ClickRow> validation, FeatureLayout layout)
    {
        var names = layout.FeatureNames.ToList();
        var (share, events) = (names.IndexOf("interest_in_ad_category"), names.IndexOf("log_events"));
        var shoppers = history.World.Shoppers.ToDictionary(s => s.Id);
        var demo = DemoCatalog.Campaigns.SelectMany(c => c.Creatives.Select(cr => new CreativeTruth(Catalog.IndexOf(c.Category), cr.Appeal, cr.Discount))).ToArray();
        var categories = layout.Categories.Length;
        return BinaryMetrics.Compute([.. validation.Select(r => r.Clicked)], [.. validation.Select(r =>
        {
            var (shopper, creative) = (shoppers[r.ShopperId], demo[r.CreativeId - 1]);
            var eventCount = Math.Exp(r.Features[events]) - 1;
            var observed = ((r.Features[share] * eventCount) + (2.0 / categories)) / (eventCount + 2);
            return GroundTruth.ClickProbability(shopper, creative, r.Hour, Math.Log((categories * observed) + 0.05));
        })]);
    }

    private static double ReadOnce(List<ClickRow> rows)
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => ClickModelTrainer.Example.Of(r, ModelKind.Ctr)), ClickModelTrainer.Schema(rows[0].Features.Length));
        return ml.Data.CreateEnumerable<ClickModelTrainer.Example>(data, reuseRowObject: true).Average(e => e.Label ? 1.0 : 0.0);
    }

    private static TimeSpan Time<T>(Func<T> work, out T result)
    {
        var started = Stopwatch.GetTimestamp();
        result = work();
        return Stopwatch.GetElapsedTime(started);
    }

    private static double PerCall(Action<int> call, int iterations = 200_000)
    {
        for (var i = 0; i < iterations / 10; i++)
        {
            call(i);
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            call(i);
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / iterations;
    }
}
