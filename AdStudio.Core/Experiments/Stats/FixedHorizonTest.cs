using MathNet.Numerics.Distributions;

namespace AdStudio.Core.Experiments.Stats;

/// <summary>Welch's tStatistic-test: valid when the sample size was fixed in advance and the data are looked at once.</summary>
public static class FixedHorizonTest
{
    public static (double? Low, double? High, double PValue) Evaluate(EffectEstimate estimate, double alpha, Alternative alternative)
    {
        var se = estimate.StandardError;
        var tStatistic = estimate.Effect / se;
        var dist = new StudentT(0, 1, estimate.DegreesOfFreedom);
        return alternative switch
        {
            Alternative.Greater => (estimate.Effect - (dist.InverseCumulativeDistribution(1 - alpha) * se), null, 1 - dist.CumulativeDistribution(tStatistic)),
            Alternative.Less => (null, estimate.Effect + (dist.InverseCumulativeDistribution(1 - alpha) * se), dist.CumulativeDistribution(tStatistic)),
            _ => TwoSided(estimate, se, tStatistic, alpha, dist),
        };
    }

    private static (double?, double?, double) TwoSided(EffectEstimate estimate, double se, double tStatistic, double alpha, StudentT dist)
    {
        var half = dist.InverseCumulativeDistribution(1 - (alpha / 2)) * se;
        return (estimate.Effect - half, estimate.Effect + half, 2 * (1 - dist.CumulativeDistribution(Math.Abs(tStatistic))));
    }
}
