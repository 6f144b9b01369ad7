namespace AdStudio.Core.Experiments.Stats;

/// <summary>What a test needs of one arm: units, the metric's value and its per-unit variance.</summary>
public readonly record struct ArmMoments(long N, double Mean, double Variance)
{
    /// <summary>Squared standard error of the arm's mean.</summary>
    public double MeanVariance => N == 0 ? 0 : Variance / N;

    public static ArmMoments OfMean(SampleStats stats) => new(stats.N, stats.Mean, stats.Variance);

    public static ArmMoments OfProportion(SampleStats stats) => new(stats.N, stats.Mean, stats.ProportionVariance);

    public static ArmMoments OfRatio(RatioStats stats) => new(stats.N, stats.Ratio, stats.Variance);
}
