namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// Bounds on the inputs of the statistics engine. Beyond them the numbers stop being finite in double precision
/// (a t quantile at 1 − α/2 rounds to +∞, n₁ + n₂ overflows a long), so such inputs are refused with a reason
/// instead of producing an infinite interval or an exception from the distribution library.
/// </summary>
public static class StatsLimits
{
    /// <summary>The smallest false-positive rate accepted (1e-10: 1 − α/2 is still distinguishable from 1).</summary>
    public const double MinAlpha = 1e-10;

    /// <summary>The largest alpha accepted.</summary>
    public const double MaxAlpha = 0.5;

    /// <summary>At most a trillion units per arm (also the largest sample size a plan may ask for).</summary>
    public const long MaxUnitsPerArm = 1_000_000_000_000;

    /// <summary>The sequential tuning parameter N* lies in [1, 10¹⁵].</summary>
    public const double MaxSequentialTuning = 1e15;
}
