using System.Globalization;
using System.Text;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Modeling.Training;

/// <summary>
/// The <c>train</c> step: builds point-in-time rows from the ad history, holds out the newest days, and fits every
/// configured trainer twice — click models on impressions (label: clicked) and conversion models on clicks (label:
/// converted). Each model is scored (with the simulator's oracle on demo data) on the same validation rows, stored
/// as a candidate, and the best of each kind is promoted if it beats the active model on this window by the margin.
/// </summary>
public sealed class ModelTrainingStep(
    TrainingDataLoader loader,
    ChampionChallenger registrar,
    IOptions<ModelingOptions> options,
    TimeProvider clock) : IPipelineStep
{
    public string Name => PipelineSteps.Train;

    public async Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var data = await loader.LoadAsync(cancellationToken);
        progress.Report(0.1);
        if (data.Rows.Count == 0)
        {
            return "No impressions yet; nothing to train on.";
        }

        var o = options.Value;
        var cut = data.Rows[^1].At.Date.AddDays(-(o.ValidationDays - 1));
        var training = data.Rows.Where(r => r.At < cut).ToList();
        var validation = data.Rows.Where(r => r.At >= cut).ToList();
        if (training.Count < o.MinimumRows || validation.Count(r => r.Clicked) < 10)
        {
            throw new InvalidOperationException(
                $"Too little history to train: {training.Count:N0} training impressions (need {o.MinimumRows:N0}) and {validation.Count(r => r.Clicked)} validation clicks (need 10).");
        }

        var report = new StringBuilder("CTR: ");
        var run = new TrainingRun(data, cut, now);
        report.Append(await TrainKindAsync(ModelKind.Ctr, run, training, validation, new SpanProgress(progress, 0.1, 0.75), cancellationToken));
        var clickedTraining = training.Where(r => r.Clicked).ToList();
        var clickedValidation = validation.Where(r => r.Clicked).ToList();
        report.Append(" CVR: ");
        report.Append(clickedTraining.Count < o.MinimumConversionRows || clickedValidation.Count(r => r.Converted) < 5
            ? $"too little history ({clickedTraining.Count:N0} training clicks of {o.MinimumConversionRows:N0}, {clickedValidation.Count(r => r.Converted)} validation conversions of 5); smoothed rates serve."
            : await TrainKindAsync(ModelKind.Cvr, run, clickedTraining, clickedValidation, new SpanProgress(progress, 0.75, 1), cancellationToken));
        progress.Report(1);
        return report.Append(" Details: Models page.").ToString();
    }

    private async Task<string> TrainKindAsync(ModelKind kind, TrainingRun run, List<ClickRow> training, List<ClickRow> validation, SpanProgress progress, CancellationToken ct)
    {
        var trainer = new ClickModelTrainer();
        var trainers = options.Value.EffectiveTrainers;
        var fitted = new List<TrainedModel>(trainers.Count);
        for (var i = 0; i < trainers.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            fitted.Add(trainer.Fit(trainers[i], kind, training, validation));
            progress.Report((i + 1.0) / (trainers.Count + 1));
        }

        var oracle = OracleMetrics(kind, validation, run.Data.Oracle);
        var outcome = await registrar.RegisterAsync(kind, fitted, run, training.Count, validation, oracle, ct);
        progress.Report(1);
        // One short line per kind for the run ledger; every version's metrics (and the oracle's) are on the Models page.
        return string.Create(CultureInfo.InvariantCulture, $"{fitted.Count} versions, best AUC {fitted.Max(m => m.Metrics.Auc):F4}. {outcome}");
    }

    private static BinaryMetrics? OracleMetrics(ModelKind kind, List<ClickRow> validation, Simulation.DemoOracle? oracle)
    {
        if (oracle is null)
        {
            return null;
        }

        // Rows of anonymous impressions (no consent to measurement) have no shopper the oracle knows: it judges the others.
        var judged = validation.Select(r => (Row: r, Truth: oracle.Probability(kind, r.ShopperId, r.CreativeId, r.Hour))).Where(j => j.Truth is not null).ToList();
        return judged.Count > 0 ? BinaryMetrics.Compute([.. judged.Select(j => j.Row.Label(kind))], [.. judged.Select(j => j.Truth!.Value)]) : null;
    }
}
