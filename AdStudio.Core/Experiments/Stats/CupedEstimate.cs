namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// CUPED (Deng et al. 2013): each arm's mean is adjusted by θ times its pre-experiment mean, with one θ =
/// cov(post, pre) ÷ var(pre) from both arms pooled, which removes the variance that pre-experiment behaviour
/// explains without biasing the difference (randomisation makes the pre means equal in expectation).
/// </summary>
public static class CupedEstimate
{
    public static double Theta(CupedStats control, CupedStats treatment)
    {
        var pooled = control + treatment;
        var preVariance = pooled.Pre.Variance;
        return preVariance <= 0 ? 0 : pooled.Covariance / preVariance;
    }

    /// <summary>
    /// Absolute: aₜ − a꜀ with aᵢ = post meanᵢ − θ·pre meanᵢ and var(aᵢ) = (vpost − 2θ·cov + θ²·vpre)/n.
    /// Relative: (aₜ − a꜀) ÷ control's unadjusted post mean, by the delta method including the covariance
    /// between a꜀ and that mean, (vpost − θ·cov)/n.
    /// </summary>
    public static EffectEstimate Between(CupedStats control, CupedStats treatment, DifferenceType difference)
    {
        var theta = Theta(control, treatment);
        var (ac, vc) = Adjusted(control, theta);
        var (at, vt) = Adjusted(treatment, theta);
        var units = control.N + treatment.N;
        var df = EffectEstimate.WelchDegreesOfFreedom(new ArmMoments(control.N, ac, vc * control.N), new ArmMoments(treatment.N, at, vt * treatment.N));
        var diff = at - ac;
        if (difference == DifferenceType.Absolute)
        {
            return new EffectEstimate(diff, vt + vc, df, units);
        }

        var mc = control.Post.Mean;
        var vmc = control.Post.Variance / control.N;
        var covAcMc = (control.Post.Variance - (theta * control.Covariance)) / control.N;
        var variance = ((vt + vc) / (mc * mc)) + (diff * diff * vmc / (mc * mc * mc * mc)) + (2 * diff * covAcMc / (mc * mc * mc));
        return new EffectEstimate(diff / mc, Math.Max(0, variance), df, units);
    }

    private static (double Mean, double MeanVariance) Adjusted(CupedStats arm, double theta)
    {
        var mean = arm.Post.Mean - (theta * arm.Pre.Mean);
        var perUnit = arm.Post.Variance - (2 * theta * arm.Covariance) + (theta * theta * arm.Pre.Variance);
        return (mean, Math.Max(0, perUnit) / arm.N);
    }
}
