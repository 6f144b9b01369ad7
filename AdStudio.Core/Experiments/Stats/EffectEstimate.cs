namespace AdStudio.Core.Experiments.Stats;

/// <summary>A point estimate of the effect, its variance and Welch–Satterthwaite degrees of freedom.</summary>
public readonly record struct EffectEstimate(double Effect, double Variance, double DegreesOfFreedom, long TotalUnits)
{
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>
    /// Treatment against control. Absolute: μt − μc with variance vt/nt + vc/nc. Relative: μt/μc − 1 with
    /// the delta-method variance vt/(nt·μc²) + μt²·vc/(nc·μc⁴). Degrees of freedom come from the absolute
    /// difference's Welch–Satterthwaite formula in both cases.
    /// </summary>
    public static EffectEstimate Between(ArmMoments control, ArmMoments treatment, DifferenceType difference)
    {
        var df = WelchDegreesOfFreedom(control, treatment);
        var units = control.N + treatment.N;
        if (difference == DifferenceType.Absolute)
        {
            return new EffectEstimate(treatment.Mean - control.Mean, treatment.MeanVariance + control.MeanVariance, df, units);
        }

        var mc = control.Mean;
        var mt = treatment.Mean;
        var variance = (treatment.MeanVariance / (mc * mc)) + (mt * mt * control.MeanVariance / (mc * mc * mc * mc));
        return new EffectEstimate((mt / mc) - 1, variance, df, units);
    }

    /// <summary>
    /// (vt/nt + vc/nc)² ÷ ((vt/nt)²/(nt − 1) + (vc/nc)²/(nc − 1)), computed on both terms divided by the larger so
    /// that squaring huge or tiny variances neither overflows nor underflows (the ratio is scale-free).
    /// </summary>
    public static double WelchDegreesOfFreedom(ArmMoments control, ArmMoments treatment)
    {
        var scale = Math.Max(treatment.MeanVariance, control.MeanVariance);
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            return double.PositiveInfinity;
        }

        var treatmentShare = treatment.MeanVariance / scale;
        var controlShare = control.MeanVariance / scale;
        var denominator = (treatmentShare * treatmentShare / (treatment.N - 1)) + (controlShare * controlShare / (control.N - 1));
        return denominator <= 0 ? double.PositiveInfinity : (treatmentShare + controlShare) * (treatmentShare + controlShare) / denominator;
    }
}
