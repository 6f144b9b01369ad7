using MathNet.Numerics.Distributions;

namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// Units per variant for the two-sided test of a conversion rate's relative lift that the results use:
/// with p₁ the baseline, p₂ = p₁(1 + MDE), α split over the comparisons with control (Bonferroni) and the
/// delta-method variance of the lift,
/// <code>n = (z₁₋α/2 + z_power)² · (p₂(1 − p₂)/p₁² + p₂²·p₁(1 − p₁)/p₁⁴) / MDE²</code>
/// </summary>
public sealed record SampleSizePlan(long UnitsPerVariant, long TotalUnits, int? Days)
{
    public static SampleSizePlan For(double baselineRate, double relativeEffect, double alpha, double power, int variants, double? unitsPerDay)
    {
        if (!(baselineRate > 0 && baselineRate < 1))
        {
            throw new StatsInputException("The baseline rate must be between 0 and 1 (exclusive).");
        }

        var treated = baselineRate * (1 + relativeEffect);
        if (relativeEffect == 0 || !(treated > 0 && treated < 1))
        {
            throw new StatsInputException("The minimum detectable effect must be non-zero and keep the rate between 0 and 1.");
        }

        if (!(alpha > 0 && alpha <= 0.5) || !(power >= 0.5 && power < 1) || variants < 2)
        {
            throw new StatsInputException("Use alpha in (0, 0.5], power in [0.5, 1) and at least 2 variants.");
        }

        var perComparisonAlpha = alpha / (variants - 1);
        var zSum = Normal.InvCDF(0, 1, 1 - (perComparisonAlpha / 2)) + Normal.InvCDF(0, 1, power);
        var p1 = baselineRate;
        var variance = (treated * (1 - treated) / (p1 * p1)) + (treated * treated * p1 * (1 - p1) / (p1 * p1 * p1 * p1));
        var needed = Math.Ceiling(zSum * zSum * variance / (relativeEffect * relativeEffect));
        if (!(needed <= StatsLimits.MaxUnitsPerArm) || variants > 1000)
        {
            throw new StatsInputException($"This test would need more than {StatsLimits.MaxUnitsPerArm:N0} units per variant (or more than 1,000 variants); choose a larger minimum detectable effect.");
        }

        var perVariant = (long)needed;
        var total = perVariant * variants;
        var daysNeeded = unitsPerDay is > 0 ? Math.Ceiling(total / unitsPerDay.Value) : (double?)null;
        int? days = daysNeeded is { } daysValue ? (daysValue <= int.MaxValue ? (int)daysValue : throw new StatsInputException("At this traffic the test would run longer than any calendar; choose a larger effect.")) : null;
        return new SampleSizePlan(perVariant, total, days);
    }
}
