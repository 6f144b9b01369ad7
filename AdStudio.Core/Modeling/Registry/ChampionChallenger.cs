using System.Globalization;
using System.Text.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace AdStudio.Core.Modeling.Registry;

/// <summary>
/// Stores a run's models as candidates (file, metrics, diagnostics) and promotes the best one only if it beats the
/// active model of its kind on the same validation rows by <see cref="ModelingOptions.PromotionMargin"/> (and beats
/// predicting the base rate at all). An active
/// model that cannot be scored on these rows (file missing or corrupt, other feature layout) is replaced, and said so.
/// </summary>
public sealed class ChampionChallenger(IDbContextFactory<AdStudioDb> dbFactory, ModelFiles files, ModelRegistry registry, IOptions<ModelingOptions> options)
{
    public const string Actor = "pipeline";

    public async Task<string> RegisterAsync(
        ModelKind kind, IReadOnlyList<TrainedModel> fitted, TrainingRun run, int trainingRows, IReadOnlyList<ClickRow> validation, BinaryMetrics? oracle, CancellationToken ct)
    {
        var ml = new MLContext(1);
        var layoutJson = JsonSerializer.Serialize(run.Data.Layout);
        var labels = validation.Select(r => r.Label(kind)).ToArray();
        var sample = ImportanceSample(validation, options.Value.ImportanceRows);
        var schema = ClickModelTrainer.Schema(run.Data.Layout.Width);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = new List<ModelVersion>();
        foreach (var m in fitted)
        {
            var file = $"{kind.ToString().ToLowerInvariant()}-{m.Trainer}-{run.StartedAt:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}.zip";
            await files.SaveAsync(ml, m.Model, m.Schema, file, ct);
            var importance = PermutationImportance.Compute(
                vectors => ClickModelTrainer.Predict(ml, m.Model, schema, vectors), [.. sample.Select(r => r.Features)], [.. sample.Select(r => r.Label(kind))],
                run.Data.Layout.FeatureGroups());
            var diagnostics = new ModelDiagnostics(BinaryMetrics.RocCurve(labels, m.ValidationScores), BinaryMetrics.Reliability(labels, m.ValidationScores), importance);
            var version = new ModelVersion
            {
                Kind = kind,
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
                TrainedAt = run.StartedAt,
                ValidationFrom = run.ValidationFrom,
                FeatureLayoutJson = layoutJson,
                DiagnosticsJson = JsonSerializer.Serialize(diagnostics),
            };
            versions.Add(version);
            db.ModelVersions.Add(version);
        }

        await db.SaveChangesAsync(ct);
        var best = versions.MinBy(v => v.LogLoss)!;
        var active = await db.ModelVersions.FirstOrDefaultAsync(v => v.Kind == kind && v.Status == ModelStatus.Active, ct);
        var (activeLoss, problem) = active is null ? (null, null) : await ActiveLogLossAsync(ml, active, layoutJson, validation, kind, ct);
        if (best.NormalisedEntropy is not < 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Promoted nothing: the best, {best.Trainer}, does not beat predicting the base rate (normalised entropy {best.NormalisedEntropy:F3}).");
        }

        var margin = options.Value.PromotionMargin;
        if (activeLoss is { } loss && best.LogLoss >= loss * (1 - margin))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Kept the active model: {best.Trainer} ({best.LogLoss:F4}) does not beat it ({loss:F4}) by {margin:P1}.");
        }

        var reason = activeLoss is { } l
            ? string.Create(CultureInfo.InvariantCulture, $"log loss {best.LogLoss:F4} vs active {l:F4}")
            : problem is null ? "no active model" : $"the active model {active!.Id} could not be scored ({problem})";
        await registry.ActivateAsync(db, best, Actor, reason, ct);
        return $"Promoted {best.Trainer} ({reason}).";
    }

    /// <summary>A seeded sample of validation rows, so importance costs the same on any history size.</summary>
    private static List<ClickRow> ImportanceSample(IReadOnlyList<ClickRow> validation, int rows)
    {
        if (validation.Count <= rows)
        {
            return [.. validation];
        }

        var indexes = Enumerable.Range(0, validation.Count).ToArray();
        new Random(11).Shuffle(indexes);
        return [.. indexes.Take(rows).Order().Select(i => validation[i])];
    }

    /// <summary>The active model's log loss on this run's validation rows, or why it cannot be scored on them.</summary>
    private async Task<(double? LogLoss, string? Problem)> ActiveLogLossAsync(
        MLContext ml, ModelVersion active, string layoutJson, IReadOnlyList<ClickRow> validation, ModelKind kind, CancellationToken ct)
    {
        if (active.FeatureLayoutJson != layoutJson)
        {
            return (null, "its feature layout differs from this run's");
        }

        try
        {
            var (model, layout) = await files.LoadAsync(ml, active, ct);
            var p = ClickModelTrainer.Predict(ml, model, ClickModelTrainer.Schema(layout.Width), validation);
            return (BinaryMetrics.Compute([.. validation.Select(r => r.Label(kind))], p).LogLoss, null);
        }
        catch (ModelFileException ex)
        {
            return (null, ex.Message);
        }
    }
}
