using MathNet.Numerics.Distributions;

namespace AdStudio.Core.Experiments.Stats;

/// <summary>Welch's t-test: valid when the sample size was fixed in advance and the data are looked at once.</summary>
public static class FixedHorizonTest
{
    public static (double? Low, double? High, double PValue) Evaluate(EffectEstimate e, double alpha, Alternative alternative)
    {
        var se = e.StandardError;
        var t = e.Effect / se;
        var dist = new StudentT(0, 1, e.DegreesOfFreedom);
        return alternative switch
        {
            Alternative.Greater => (e.Effect - (dist.InverseCumulativeDistribution(1 - alpha) * se), null, 1 - dist.CumulativeDistribution(t)),
            Alternative.Less => (null, e.Effect + (dist.InverseCumulativeDistribution(1 - alpha) * se), dist.CumulativeDistribution(t)),
            _ => TwoSided(e, se, t, alpha, dist),
        };
    }

    private static (double?, double?, double) TwoSided(EffectEstimate e, double se, double t, double alpha, StudentT dist)
    {
        var half = dist.InverseCumulativeDistribution(1 - (alpha / 2)) * se;
        return (e.Effect - half, e.Effect + half, 2 * (1 - dist.CumulativeDistribution(Math.Abs(t))));
    }
}
