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
        var l = -2 * Math.Log(alpha);
        return Math.Sqrt((l + Math.Log(l + 1)) / tuning);
    }

    public static double HalfWidth(EffectEstimate e, double alpha, double rho)
    {
        double n = e.TotalUnits;
        var s2 = e.Variance * n;
        var r2 = rho * rho;
        return Math.Sqrt(s2 * 2 * ((n * r2) + 1) / (n * n * r2) * Math.Log(Math.Sqrt((n * r2) + 1) / alpha));
    }

    public static double PValue(EffectEstimate e, double rho)
    {
        double n = e.TotalUnits;
        var s2 = e.Variance * n;
        var r2 = rho * rho;
        if (s2 <= 0)
        {
            return e.Effect == 0 ? 1 : 0;
        }

        var p = Math.Sqrt((n * r2) + 1) * Math.Exp(-(e.Effect * e.Effect * n * n * r2) / (2 * s2 * ((n * r2) + 1)));
        return Math.Min(1, p);
    }

    public static (double? Low, double? High, double PValue) Evaluate(EffectEstimate e, double alpha, Alternative alternative, double tuning)
    {
        var rho = Rho(alpha, tuning);
        var twoSidedP = PValue(e, rho);
        if (alternative == Alternative.TwoSided)
        {
            var half = HalfWidth(e, alpha, rho);
            return (e.Effect - half, e.Effect + half, twoSidedP);
        }

        var oneSidedHalf = HalfWidth(e, Math.Min(1, 2 * alpha), rho);
        var inDirection = alternative == Alternative.Greater ? e.Effect > 0 : e.Effect < 0;
        var p = inDirection ? twoSidedP / 2 : 1;
        return alternative == Alternative.Greater ? (e.Effect - oneSidedHalf, null, p) : (null, e.Effect + oneSidedHalf, p);
    }
}
