using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Core.Experiments.Results;

/// <summary>
/// One arm's value of a metric and, for treatments, its comparison with control. <see cref="AdjustedPValue"/>
/// is Holm-corrected across the treatments; <see cref="Problem"/> says why a comparison is missing.
/// </summary>
public sealed record VariantMetric(int VariantId, long Units, double Value, ComparisonResult? Comparison, double? AdjustedPValue, string? Problem);
