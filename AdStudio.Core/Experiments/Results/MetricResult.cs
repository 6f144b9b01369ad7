using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Core.Experiments.Results;

/// <summary>
/// A metric across all arms, control first. <see cref="LiftType"/> says whether the lifts are relative or absolute
/// (ROI: percentage points); <see cref="IsPrimary"/> marks the metric the verdict decides on, the others are guardrails.
/// </summary>
public sealed record MetricResult(string Key, string Label, bool CupedApplied, IReadOnlyList<VariantMetric> Variants)
{
    public DifferenceType LiftType { get; init; } = MetricKey.LiftType(Key);

    public bool IsPrimary { get; init; }
}
