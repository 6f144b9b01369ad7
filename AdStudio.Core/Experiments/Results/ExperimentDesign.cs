using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Experiments.Results;

/// <summary>What the analysis needs of an experiment: its arms (control first), its analysis settings and its primary metric.</summary>
public sealed record ExperimentDesign(
    int Id,
    string Name,
    ExperimentStatus Status,
    IReadOnlyList<ArmDesign> Arms,
    double Alpha,
    bool Sequential,
    double SequentialTuning,
    bool UseCuped,
    long? PlannedUnitsPerVariant,
    string PrimaryMetric = MetricKey.ConversionRate,
    double MinimumDetectableEffect = 0.1)
{
    /// <param name="objective">The campaign's objective, which picks the primary metric of an experiment that has none stored.</param>
    /// <param name="creativeNames">Creative names by id, for arms that kept a placeholder name.</param>
    public static ExperimentDesign Of(Experiment experiment, CampaignObjective objective = CampaignObjective.Clicks, IReadOnlyDictionary<int, string>? creativeNames = null) => new(
        experiment.Id,
        experiment.Name,
        experiment.Status,
        [.. experiment.Variants.OrderByDescending(v => v.IsControl).ThenBy(v => v.Id)
            .Select(v => new ArmDesign(v.Id, v.Name, v.CreativeId, v.Weight, v.IsControl, creativeNames?.GetValueOrDefault(v.CreativeId)))],
        experiment.Alpha,
        experiment.Sequential,
        experiment.SequentialTuning,
        experiment.UseCuped,
        experiment.PlannedUnitsPerVariant,
        MetricKey.IsKnown(experiment.PrimaryMetric) ? experiment.PrimaryMetric! : MetricKey.DefaultFor(objective),
        experiment.MinimumDetectableEffect);
}
