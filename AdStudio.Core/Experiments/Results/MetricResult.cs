namespace AdStudio.Core.Experiments.Results;

/// <summary>A metric across all arms, control first.</summary>
public sealed record MetricResult(string Key, string Label, bool CupedApplied, IReadOnlyList<VariantMetric> Variants);
