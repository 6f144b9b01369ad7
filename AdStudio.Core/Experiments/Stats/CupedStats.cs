namespace AdStudio.Core.Experiments.Stats;

/// <summary>One arm's metric after exposure and the same units' value before the experiment (CUPED).</summary>
public readonly record struct CupedStats(SampleStats Post, SampleStats Pre, double SumProducts)
{
    public long N => Post.N;

    /// <summary>Sample covariance of post and pre values, n − 1 in the denominator.</summary>
    public double Covariance => N < 2 ? 0 : (SumProducts - (Post.Sum * Pre.Sum / N)) / (N - 1);

    public CupedStats Add(double post, double pre) => new(Post.Add(post), Pre.Add(pre), SumProducts + (post * pre));

    public static CupedStats operator +(CupedStats left, CupedStats right) => new(left.Post + right.Post, left.Pre + right.Pre, left.SumProducts + right.SumProducts);
}
