using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Core.Experiments.Results;

/// <summary>
/// One arm's value of a metric and, for treatments, its comparison with control. <see cref="AdjustedPValue"/>
/// is Holm-corrected across the treatments; <see cref="Problem"/> says why a comparison is missing.
/// <see cref="Events"/> counts what the metric's numerator counts (converting shoppers, clicks, paying shoppers,
/// conversions); <see cref="EnoughData"/> is false while this arm (or, for a treatment, the control) is below the
/// configured minimum of units or events, and then the comparison's interval is not worth reading yet.
/// </summary>
public sealed record VariantMetric(int VariantId, long Units, double Value, ComparisonResult? Comparison, double? AdjustedPValue, string? Problem)
{
    public long Events { get; init; }

    public bool EnoughData { get; init; } = true;
}
