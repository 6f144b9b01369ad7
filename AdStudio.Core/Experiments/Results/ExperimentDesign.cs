namespace AdStudio.Core.Experiments.Results;

/// <summary>What the analysis needs of an experiment: its arms (control first) and its analysis settings.</summary>
public sealed record ExperimentDesign(
    int Id,
    string Name,
    ExperimentStatus Status,
    IReadOnlyList<ArmDesign> Arms,
    double Alpha,
    bool Sequential,
    double SequentialTuning,
    bool UseCuped,
    long? PlannedUnitsPerVariant)
{
    public static ExperimentDesign Of(Experiment e) => new(
        e.Id,
        e.Name,
        e.Status,
        [.. e.Variants.OrderByDescending(v => v.IsControl).ThenBy(v => v.Id).Select(v => new ArmDesign(v.Id, v.Name, v.CreativeId, v.Weight, v.IsControl))],
        e.Alpha,
        e.Sequential,
        e.SequentialTuning,
        e.UseCuped,
        e.PlannedUnitsPerVariant);
}
