using MathNet.Numerics.Distributions;

namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// With a flat prior the posterior of the effect is Normal(effect, se²), so the chance that the treatment
/// beats control is Φ(effect/se), and the expected losses are E[max(−δ, 0)] for shipping the treatment and
/// E[max(δ, 0)] for keeping the control: se·φ(z) − effect·Φ(−z) and se·φ(z) + effect·Φ(z), z = effect/se.
/// </summary>
public static class BayesianSummary
{
    public static (double ChanceToWin, double RiskOfTreatment, double RiskOfControl) Of(EffectEstimate estimate)
    {
        var se = estimate.StandardError;
        if (se <= 0 || double.IsNaN(se))
        {
            var win = estimate.Effect > 0 ? 1 : estimate.Effect < 0 ? 0 : 0.5;
            return (win, Math.Max(-estimate.Effect, 0), Math.Max(estimate.Effect, 0));
        }

        var zScore = estimate.Effect / se;
        var density = se * Normal.PDF(0, 1, zScore);
        return (Normal.CDF(0, 1, zScore), density - (estimate.Effect * Normal.CDF(0, 1, -zScore)), density + (estimate.Effect * Normal.CDF(0, 1, zScore)));
    }
}
