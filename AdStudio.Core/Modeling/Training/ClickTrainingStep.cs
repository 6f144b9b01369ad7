using System.Globalization;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Serving;
using AdStudio.Core.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace AdStudio.Core.Modeling.Training;

/// <summary>
/// The <c>train</c> step for the click (CTR) model: builds point-in-time rows from the ad history, holds out the
/// newest days, fits every configured trainer, scores each (and, on demo data, the simulator's oracle) on the
/// same rows, stores every model as a candidate, and promotes the best one if it beats the active model on
/// this validation window by the configured margin.
/// </summary>
public sealed class ClickTrainingStep(
    IDbContextFactory<AdStudioDb> dbFactory,
    DataPaths paths,
    IOptions<ModelingOptions> options,
    IOptions<ServingOptions> serving,
    IOptions<DemoOptions> demo,
    TimeProvider clock) : IPipelineStep
{
    public string Name => PipelineSteps.Train;

    public string ModelFolder => Path.Combine(paths.Directory, "models");

    public async Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (rows, builder, oracle) = await LoadAsync(cancellationToken);
        progress.Report(0.15);
        if (rows.Count == 0)
        {
            return "No impressions yet; nothing to train on.";
        }

        var cut = rows[^1].At.Date.AddDays(-(options.Value.ValidationDays - 1));
        var training = rows.Where(r => r.At < cut).ToList();
        var validation = rows.Where(r => r.At >= cut).ToList();
        if (training.Count < options.Value.MinimumRows || validation.Count(r => r.Clicked) < 10)
        {
            throw new InvalidOperationException(
                $"Too little history to train: {training.Count:N0} training impressions (need {options.Value.MinimumRows:N0}) and {validation.Count(r => r.Clicked)} validation clicks (need 10).");
        }

        var oracleMetrics = OracleMetrics(validation, oracle);
        var trainer = new ClickModelTrainer();
        var fitted = new List<TrainedModel>();
        var trainers = options.Value.EffectiveTrainers;
        for (var i = 0; i < trainers.Count; i++)
        {
            fitted.Add(trainer.Fit(trainers[i], training, validation));
            progress.Report(0.15 + (0.7 * (i + 1) / trainers.Count));
        }

        var report = await RegisterAsync(fitted, oracleMetrics, training.Count, cut, builder.FeatureNames.Count, validation, now, cancellationToken);
        progress.Report(1);
        return report;
    }

    private async Task<(List<ClickRow> Rows, ClickFeatureBuilder Builder, DemoOracle? Oracle)> LoadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creatives = await db.Creatives.AsNoTracking().ToListAsync(ct);
        var events = (await db.BehaviourEvents.AsNoTracking().OrderBy(e => e.OccurredAt)
            .Select(e => new { e.ShopperId, e.OccurredAt, e.Type, e.Category, e.Amount }).ToListAsync(ct))
            .Select(e => new TimelineEvent(e.ShopperId, e.OccurredAt, e.Type, e.Category, e.Amount)).ToList();
        var clicks = await db.AdEvents.AsNoTracking().Where(e => e.Type == AdEventType.Click)
            .Select(e => new { e.DecisionId, e.OccurredAt }).ToDictionaryAsync(e => e.DecisionId, e => e.OccurredAt, StringComparer.Ordinal, ct);
        var impressions = (await db.AdEvents.AsNoTracking().Where(e => e.Type == AdEventType.Impression).OrderBy(e => e.OccurredAt)
            .Select(e => new { e.ShopperId, e.OccurredAt, e.CreativeId, e.Placement, e.DecisionId }).ToListAsync(ct))
            .Select(e => new TimelineImpression(e.ShopperId, e.OccurredAt, e.CreativeId, e.Placement ?? "", clicks.TryGetValue(e.DecisionId, out var at) ? at : null))
            .ToList();
        var categories = creatives.Select(c => c.Category).Concat(events.Where(e => e.Category is not null).Select(e => e.Category!))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var builder = new ClickFeatureBuilder(categories, [.. serving.Value.Placements.Keys.Order(StringComparer.Ordinal)]);
        var facts = creatives.ToDictionary(c => c.Id, c => new CreativeFacts(c.Id, c.Category, c.Discount, c.Headline.Length));
        var demoSeeded = await db.Settings.AnyAsync(s => s.Key == DemoSeeder.MarkerKey && s.Value == "completed", ct);
        var oracle = demoSeeded ? DemoOracle.For(demo.Value, creatives.Select(c => (c.Id, c.ImageUrl))) : null;
        return (builder.Build(events, impressions, facts), builder, oracle);
    }

    private static BinaryMetrics? OracleMetrics(List<ClickRow> validation, DemoOracle? oracle)
    {
        if (oracle is null)
        {
            return null;
        }

        var truths = validation.Select(r => oracle.ClickProbability(r.ShopperId, r.CreativeId, r.Hour)).ToList();
        return truths.All(t => t is not null) ? BinaryMetrics.Compute([.. validation.Select(r => r.Clicked)], [.. truths.Select(t => t!.Value)]) : null;
    }

    private async Task<string> RegisterAsync(
        List<TrainedModel> fitted, BinaryMetrics? oracle, int trainingRows, DateTime validationFrom, int width, List<ClickRow> validation, DateTime now, CancellationToken ct)
    {
        Directory.CreateDirectory(ModelFolder);
        var ml = new MLContext(1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = new List<ModelVersion>();
        foreach (var m in fitted)
        {
            var file = $"ctr-{m.Trainer}-{now:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}.zip";
            ml.Model.Save(m.Model, m.Schema, Path.Combine(ModelFolder, file));
            var version = new ModelVersion
            {
                Kind = ModelKind.Ctr,
                Trainer = m.Trainer,
                Status = ModelStatus.Candidate,
                FileName = file,
                Rows = trainingRows,
                TrainingSeconds = m.TrainingSeconds,
                Auc = m.Metrics.Auc,
                LogLoss = m.Metrics.LogLoss,
                NormalisedEntropy = m.Metrics.NormalisedEntropy,
                CalibrationError = m.Metrics.CalibrationError,
                OracleAuc = oracle?.Auc,
                OracleLogLoss = oracle?.LogLoss,
                TrainedAt = now,
                ValidationFrom = validationFrom,
            };
            versions.Add(version);
            db.ModelVersions.Add(version);
        }

        var best = versions.MinBy(v => v.LogLoss)!;
        var active = await db.ModelVersions.FirstOrDefaultAsync(v => v.Kind == ModelKind.Ctr && v.Status == ModelStatus.Active, ct);
        var (activeLoss, unreadable) = active is null ? (null, null) : ActiveLogLoss(ml, active, width, validation);
        var promoted = activeLoss is null || best.LogLoss < activeLoss * (1 - options.Value.PromotionMargin);
        if (promoted)
        {
            if (active is not null)
            {
                active.Status = ModelStatus.Retired;
            }

            best.Status = ModelStatus.Active;
        }

        await db.SaveChangesAsync(ct);
        var lines = versions.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Trainer} AUC {v.Auc:F4}, log loss {v.LogLoss:F4}"));
        var verdict = promoted
            ? $"Promoted {best.Trainer}{(activeLoss is { } l ? string.Create(CultureInfo.InvariantCulture, $" (log loss {best.LogLoss:F4} vs active {l:F4})") : "")}."
            : string.Create(CultureInfo.InvariantCulture, $"Kept the active model: {best.Trainer} ({best.LogLoss:F4}) does not beat it ({activeLoss:F4}) by {options.Value.PromotionMargin:P1}.");
        var oracleText = oracle is null ? "" : string.Create(CultureInfo.InvariantCulture, $" Oracle AUC {oracle.Auc:F4}, log loss {oracle.LogLoss:F4}.");
        var problem = unreadable is null ? "" : $" The active model {active!.FileName} could not be read ({unreadable}), so it was replaced.";
        return $"{string.Join("; ", lines)}.{oracleText} {verdict}{problem}";
    }

    /// <summary>The active model's log loss on this run's validation rows, or why its file could not be used.</summary>
    private (double? LogLoss, string? Problem) ActiveLogLoss(MLContext ml, ModelVersion active, int width, List<ClickRow> validation)
    {
        try
        {
            var model = ml.Model.Load(Path.Combine(ModelFolder, active.FileName), out _);
            var p = ClickModelTrainer.Predict(ml, model, ClickModelTrainer.Schema(width), validation);
            return (BinaryMetrics.Compute([.. validation.Select(r => r.Clicked)], p).LogLoss, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException or ArgumentException or InvalidDataException)
        {
            return (null, ex.Message);
        }
    }
}
