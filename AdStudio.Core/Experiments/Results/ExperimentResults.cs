namespace AdStudio.Core.Experiments.Results;

/// <summary>
/// Everything the results page and <c>GET /api/experiments/{id}/results</c> show. <see cref="PrimaryMetric"/> is the
/// metric the verdict decides on; <see cref="ExposureDays"/> spans the first to the last day with an exposure, so
/// <see cref="TotalUnits"/> ÷ <see cref="ExposureDays"/> is the current traffic.
/// </summary>
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
    /// <summary>The metric the lift-over-time chart follows (shopper conversion, counted per day).</summary>
    public const string CumulativeMetric = MetricKey.ConversionRate;

    public string PrimaryMetric { get; init; } = MetricKey.ConversionRate;

    public int ExposureDays { get; init; }

    public double MinimumDetectableEffect { get; init; } = 0.1;

    public bool Sequential { get; init; }

    public long TotalUnits => Arms.Sum(a => a.Units);

    /// <summary>Share of the planned sample reached by the smallest arm, 0–1; null when not planned.</summary>
    public double? Progress => PlannedUnitsPerVariant is > 0 && Arms.Count > 0
        ? Math.Min(1, (double)Arms.Min(a => a.Units) / PlannedUnitsPerVariant.Value)
        : null;

    public MetricResult? Primary => Metrics.FirstOrDefault(m => m.Key == PrimaryMetric);
}
