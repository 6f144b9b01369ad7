using MathNet.Numerics.Distributions;

namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// Sample-ratio mismatch: a chi-square goodness-of-fit test of the units each arm received against the
/// configured weights. A tiny p-value means assignment or logging is broken and the results cannot be trusted.
/// </summary>
public static class SampleRatioCheck
{
    /// <summary>Below this p-value the results carry a visible warning.</summary>
    public const double Threshold = 0.001;

    public static double PValue(IReadOnlyList<long> units, IReadOnlyList<double> weights)
    {
        if (units.Count != weights.Count || units.Count < 2)
        {
            throw new StatsInputException("The sample-ratio check needs one weight per arm and at least two arms.");
        }

        if (weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || units.Any(u => u < 0))
        {
            throw new StatsInputException("The sample-ratio check needs finite, non-negative weights and unit counts.");
        }

        // Dividing by the largest weight keeps the sum finite for any finite weights.
        var largest = weights.Max();
        var total = (double)units.Sum(u => (decimal)u);
        var weightSum = largest > 0 ? weights.Sum(w => w / largest) : 0;
        if (total == 0 || weightSum <= 0)
        {
            return 1;
        }

        var statistic = 0.0;
        for (var i = 0; i < units.Count; i++)
        {
            var expected = total * (weights[i] / largest) / weightSum;
            if (expected > 0)
            {
                statistic += (units[i] - expected) * (units[i] - expected) / expected;
            }
        }

        return 1 - ChiSquared.CDF(units.Count - 1, statistic);
    }
}
