namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// Mergeable summary of one arm's per-unit values: count, sum and sum of squares. Enough for means and
/// sample variances without keeping the values.
/// </summary>
public readonly record struct SampleStats(long N, double Sum, double SumSquares)
{
    public double Mean => N == 0 ? 0 : Sum / N;

    /// <summary>Sample variance with n − 1 in the denominator; 0 below two units.</summary>
    public double Variance => N < 2 ? 0 : Math.Max(0, (SumSquares - (Sum * Sum / N)) / (N - 1));

    /// <summary>Variance of a 0/1 metric, p(1 − p).</summary>
    public double ProportionVariance => N == 0 ? 0 : Mean * (1 - Mean);

    public static SampleStats operator +(SampleStats left, SampleStats right) => new(left.N + right.N, left.Sum + right.Sum, left.SumSquares + right.SumSquares);

    public SampleStats Add(double value) => new(N + 1, Sum + value, SumSquares + (value * value));
}
