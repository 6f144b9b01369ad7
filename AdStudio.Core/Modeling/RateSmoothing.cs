namespace AdStudio.Core.Modeling;

/// <summary>Estimating a rate from little evidence: what training's prior-CTR feature and serving's smoothed rates share.</summary>
public static class RateSmoothing
{
    /// <summary>
    /// Empirical-Bayes estimate of a rate: the observed successes and trials plus
    /// <paramref name="priorStrength"/> pseudo-trials at <paramref name="priorMean"/>, so a new creative
    /// starts at the shop-wide rate and moves toward its own as evidence accumulates.
    /// </summary>
    public static double SmoothedRate(long successes, long trials, double priorMean, double priorStrength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        var denominator = trials + priorStrength;
        return denominator <= 0 ? priorMean : (successes + (priorMean * priorStrength)) / denominator;
    }
}
