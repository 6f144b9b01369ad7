namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// Always-valid inference: the asymptotic confidence sequence of Waudby-Smith, Arnold, Wu, Howard and
/// Ramdas, "Time-uniform central limit theory and asymptotic confidence sequences" (2023,
/// arXiv 2103.06476), as GrowthBook documents it. With n the total units of both arms and
/// σ̂² = n·se², eq. 9 gives the half-width
/// <code>σ̂ · √( 2(nρ² + 1) / (n²ρ²) · ln(√(nρ² + 1) / α) )</code>
/// and eq. 161 tunes ρ so the sequence is tightest at n = N*:
/// <code>ρ = √( (−2 ln α + ln(−2 ln α + 1)) / N* )</code>
/// The p-value is the smallest α whose sequence excludes zero (ρ held at the configured α):
/// <code>p = min(1, √(nρ² + 1) · exp(−effect² n² ρ² / (2 σ̂² (nρ² + 1))))</code>
/// One-sided bounds use the two-sided sequence at 2α (the boundary is symmetric).
/// </summary>
public static class SequentialTest
{
    public static double Rho(double alpha, double tuning)
    {
        var minusTwoLnAlpha = -2 * Math.Log(alpha);
        return Math.Sqrt((minusTwoLnAlpha + Math.Log(minusTwoLnAlpha + 1)) / tuning);
    }

    public static double HalfWidth(EffectEstimate estimate, double alpha, double rho)
    {
        double units = estimate.TotalUnits;
        var s2 = estimate.Variance * units;
        var r2 = rho * rho;
        return Math.Sqrt(s2 * 2 * ((units * r2) + 1) / (units * units * r2) * Math.Log(Math.Sqrt((units * r2) + 1) / alpha));
    }

    public static double PValue(EffectEstimate estimate, double rho)
    {
        double units = estimate.TotalUnits;
        var s2 = estimate.Variance * units;
        var r2 = rho * rho;
        if (s2 <= 0)
        {
            return estimate.Effect == 0 ? 1 : 0;
        }

        var pValue = Math.Sqrt((units * r2) + 1) * Math.Exp(-(estimate.Effect * estimate.Effect * units * units * r2) / (2 * s2 * ((units * r2) + 1)));
        return Math.Min(1, pValue);
    }

    public static (double? Low, double? High, double PValue) Evaluate(EffectEstimate estimate, double alpha, Alternative alternative, double tuning)
    {
        var rho = Rho(alpha, tuning);
        var twoSidedP = PValue(estimate, rho);
        if (alternative == Alternative.TwoSided)
        {
            var half = HalfWidth(estimate, alpha, rho);
            return (estimate.Effect - half, estimate.Effect + half, twoSidedP);
        }

        var oneSidedHalf = HalfWidth(estimate, Math.Min(1, 2 * alpha), rho);
        var inDirection = alternative == Alternative.Greater ? estimate.Effect > 0 : estimate.Effect < 0;
        var pValue = inDirection ? twoSidedP / 2 : 1;
        return alternative == Alternative.Greater ? (estimate.Effect - oneSidedHalf, null, pValue) : (null, estimate.Effect + oneSidedHalf, pValue);
    }
}
