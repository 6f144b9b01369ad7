namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// Mergeable per-unit sums for a ratio metric Σnumerator ÷ Σdenominator (CTR = clicks ÷ impressions,
/// ROI = (revenue − cost) ÷ cost), with the cross products the delta method needs.
/// </summary>
public readonly record struct RatioStats(long N, SampleStats Numerator, SampleStats Denominator, double SumProducts)
{
    public double Ratio => Denominator.Sum == 0 ? 0 : Numerator.Sum / Denominator.Sum;

    /// <summary>Sample covariance of numerator and denominator, n − 1 in the denominator.</summary>
    public double Covariance => N < 2 ? 0 : (SumProducts - (Numerator.Sum * Denominator.Sum / N)) / (N - 1);

    /// <summary>
    /// Per-unit variance of the ratio by the delta method:
    /// var(x)/μy² − 2·μx·cov(x, y)/μy³ + μx²·var(y)/μy⁴, so that variance ÷ n is the ratio's squared standard error.
    /// </summary>
    public double Variance
    {
        get
        {
            var mx = Numerator.Mean;
            var my = Denominator.Mean;
            if (my == 0)
            {
                return 0;
            }

            var variance = (Numerator.Variance / (my * my))
                - (2 * mx * Covariance / (my * my * my))
                + (mx * mx * Denominator.Variance / (my * my * my * my));
            return Math.Max(0, variance);
        }
    }

    public RatioStats Add(double numerator, double denominator) =>
        new(N + 1, Numerator.Add(numerator), Denominator.Add(denominator), SumProducts + (numerator * denominator));

    public static RatioStats operator +(RatioStats left, RatioStats right) =>
        new(left.N + right.N, left.Numerator + right.Numerator, left.Denominator + right.Denominator, left.SumProducts + right.SumProducts);
}
