namespace AdStudio.Core.Experiments.Results;

/// <summary>Everything the results page and <c>GET /api/experiments/{id}/results</c> show.</summary>
public sealed record ExperimentResults(
    int ExperimentId,
    string Name,
    ExperimentStatus Status,
    string Method,
    double Alpha,
    IReadOnlyList<ArmUnits> Arms,
    double SampleRatioPValue,
    bool SampleRatioMismatch,
    long? PlannedUnitsPerVariant,
    IReadOnlyList<MetricResult> Metrics,
    IReadOnlyList<CumulativePoint> CumulativeLift,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The metric the cumulative chart and the progress bar follow.</summary>
    public const string PrimaryMetric = MetricKey.ConversionRate;

    public long TotalUnits => Arms.Sum(a => a.Units);

    /// <summary>Share of the planned sample reached by the smallest arm, 0–1; null when not planned.</summary>
    public double? Progress => PlannedUnitsPerVariant is > 0 && Arms.Count > 0
        ? Math.Min(1, (double)Arms.Min(a => a.Units) / PlannedUnitsPerVariant.Value)
        : null;
}
