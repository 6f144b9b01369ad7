using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Tests.Core.Experiments.Stats;

public class StatsPiecesTests
{
    [Fact]
    public void SampleStats_VarianceUsesNMinusOne_AndMerges()
    {
        var a = new SampleStats(0, 0, 0).Add(1).Add(2).Add(3);
        var b = new SampleStats(0, 0, 0).Add(4);

        Assert.Equal(1.0, a.Variance, 12);
        Assert.Equal(new SampleStats(4, 10, 30), a + b);
        Assert.Equal(5.0 / 3.0, (a + b).Variance, 12);
    }

    [Fact]
    public void RatioStats_DeltaMethodVariance_MatchesHandWorkedExample()
    {
        var s = new RatioStats().Add(1, 10).Add(0, 5).Add(2, 20).Add(1, 8);

        Assert.Equal(4.0 / 43.0, s.Ratio, 12);
        Assert.Equal(0.0008829606246946414, s.Variance, 12);
    }

    [Fact]
    public void Cuped_HandWorkedExample_AdjustsMeansAndShrinksVariance()
    {
        var control = new CupedStats().Add(1, 1).Add(2, 2).Add(3, 2).Add(4, 3);
        var treatment = new CupedStats().Add(2, 1).Add(4, 3).Add(5, 2).Add(5, 3);

        var absolute = CupedEstimate.Between(control, treatment, DifferenceType.Absolute);
        var relative = CupedEstimate.Between(control, treatment, DifferenceType.Relative);
        var unadjusted = EffectEstimate.Between(ArmMoments.OfMean(control.Post), ArmMoments.OfMean(treatment.Post), DifferenceType.Absolute);

        Assert.Equal(18.0 / 13.0, CupedEstimate.Theta(control, treatment), 12);
        Assert.Equal(1.1538461538461537, absolute.Effect, 12);
        Assert.Equal(0.29092702169625245, absolute.Variance, 12);
        Assert.Equal(0.4615384615384615, relative.Effect, 12);
        Assert.Equal(0.071163708086785, relative.Variance, 12);
        Assert.True(absolute.Variance < unadjusted.Variance);
    }

    [Fact]
    public void Cuped_Simulation_KeepsTheEffectAndCutsTheStandardError()
    {
        // 400 simulations of 2 × 2,000 units whose outcome is 0.8 × pre-period value + noise, true effect +0.1.
        var random = new Random(11);
        var effects = new List<double>();
        var ratio = new List<double>();
        for (var s = 0; s < 400; s++)
        {
            CupedStats control = default, treatment = default;
            for (var i = 0; i < 2000; i++)
            {
                var pre = Normal(random) + 5;
                control = control.Add((0.8 * pre) + (0.5 * Normal(random)), pre);
                pre = Normal(random) + 5;
                treatment = treatment.Add((0.8 * pre) + (0.5 * Normal(random)) + 0.1, pre);
            }

            var adjusted = CupedEstimate.Between(control, treatment, DifferenceType.Absolute);
            var plain = EffectEstimate.Between(ArmMoments.OfMean(control.Post), ArmMoments.OfMean(treatment.Post), DifferenceType.Absolute);
            effects.Add(adjusted.Effect);
            ratio.Add(adjusted.StandardError / plain.StandardError);
        }

        // Unbiased: the mean of 400 estimates with se ≈ 0.0158 each lies within 4·0.0158/√400 ≈ 0.0032 of 0.1.
        Assert.InRange(effects.Average(), 0.1 - 0.0032, 0.1 + 0.0032);
        // Var(post) = 0.64 + 0.25 and the residual is 0.25: se shrinks by √(0.25/0.89) ≈ 0.53.
        Assert.InRange(ratio.Average(), 0.51, 0.55);
    }

    [Fact]
    public void SampleRatioCheck_TwoArms_IsChiSquareWithOneDegreeOfFreedom() =>
        // χ² = 2·100²/5000 = 4 → p = erfc(√2).
        Assert.Equal(0.045500263896358396, SampleRatioCheck.PValue([5100, 4900], [1, 1]), 10);

    [Fact]
    public void SampleRatioCheck_ThreeArms_IsChiSquareWithTwoDegreesOfFreedom() =>
        // χ² = 0 + 10 + 10 = 20 → p = e^(−10).
        Assert.Equal(4.5399929762484854e-05, SampleRatioCheck.PValue([1000, 1100, 900], [1, 1, 1]), 12);

    [Fact]
    public void SampleRatioCheck_UnevenWeightsMatched_HasHighPValue() =>
        Assert.True(SampleRatioCheck.PValue([7000, 3000], [0.7, 0.3]) > 0.99);

    [Fact]
    public void HolmCorrection_StepsDownAndStaysMonotone() =>
        Assert.Equal([0.03, 0.06, 0.06], HolmCorrection.Adjust([0.01, 0.04, 0.03]).Select(p => Math.Round(p, 12)));

    [Fact]
    public void SampleSizePlan_TwoVariants_MatchesDeltaMethodFormula()
    {
        var plan = SampleSizePlan.For(0.05, 0.10, 0.05, 0.8, 2, unitsPerDay: 5000);

        Assert.Equal(34_363, plan.UnitsPerVariant);
        Assert.Equal(68_726, plan.TotalUnits);
        Assert.Equal(14, plan.Days);
    }

    [Fact]
    public void SampleSizePlan_ThreeVariants_SplitsAlphaOverComparisons()
    {
        var plan = SampleSizePlan.For(0.05, 0.10, 0.05, 0.8, 3, unitsPerDay: null);

        Assert.Equal(41_614, plan.UnitsPerVariant);
        Assert.Null(plan.Days);
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(1, 0.1)]
    [InlineData(0.5, 0)]
    [InlineData(0.6, 1)]
    public void SampleSizePlan_ImpossibleInputs_AreRefused(double baseline, double effect) =>
        Assert.Throws<StatsInputException>(() => SampleSizePlan.For(baseline, effect, 0.05, 0.8, 2, null));

    private static double Normal(Random random) => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
}
