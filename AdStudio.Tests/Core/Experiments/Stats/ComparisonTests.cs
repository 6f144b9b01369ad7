using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Tests.Core.Experiments.Stats;

/// <summary>Golden values: GrowthBook's gbstats test suite for the same inputs (5 decimals), and hand-worked formulas.</summary>
public class ComparisonTests
{
    private static readonly ArmMoments MeanControl = ArmMoments.OfMean(new SampleStats(3407, 1396.87, 52377.9767));
    private static readonly ArmMoments MeanTreatment = ArmMoments.OfMean(new SampleStats(3461, 2422.7, 134698.29));

    [Fact]
    public void Compare_MeansRelative_MatchesWelchWithDeltaMethod()
    {
        var r = Comparison.Compare(MeanControl, MeanTreatment, new CompareOptions());

        Close.To(0.70732, r.Effect);
        Close.To(0.37879, r.StandardError);
        Close.To(-0.03526, r.CiLow);
        Close.To(1.44989, r.CiHigh);
        Close.To(0.06191, r.PValue);
    }

    [Fact]
    public void Compare_MeansAbsolute_MatchesWelch()
    {
        var r = Comparison.Compare(MeanControl, MeanTreatment, new CompareOptions(Difference: DifferenceType.Absolute));

        Close.To(0.29, r.Effect);
        Close.To(0.12478, r.StandardError);
        Close.To(0.04538, r.CiLow);
        Close.To(0.53462, r.CiHigh);
        Close.To(0.02016, r.PValue);
    }

    [Fact]
    public void Compare_SmallProportions_UsesPTimesOneMinusP()
    {
        var r = Comparison.Compare(
            ArmMoments.OfProportion(new SampleStats(28, 14, 14)),
            ArmMoments.OfProportion(new SampleStats(30, 16, 16)),
            new CompareOptions());

        Close.To(0.06667, r.Effect);
        Close.To(0.2717, r.StandardError);
        Close.To(-0.47767, r.CiLow);
        Close.To(0.61101, r.CiHigh);
        Close.To(0.80707, r.PValue);
        Assert.Contains(r.Warnings, w => w.Contains("58 units", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_OneSided_HalvesTheTwoSidedPValueAndOpensOneEnd()
    {
        var greater = Comparison.Compare(MeanControl, MeanTreatment, new CompareOptions(Alternative: Alternative.Greater, Difference: DifferenceType.Absolute));
        var less = Comparison.Compare(MeanControl, MeanTreatment, new CompareOptions(Alternative: Alternative.Less, Difference: DifferenceType.Absolute));

        Close.To(0.02016 / 2, greater.PValue, 1e-5);
        Assert.Null(greater.CiHigh);
        // One-sided 95 % bound uses t(0.95) ≈ 1.64504 at these degrees of freedom.
        Close.To(0.29 - (1.64504 * 0.12478), greater.CiLow, 2e-5);
        Close.To(1 - (0.02016 / 2), less.PValue, 1e-5);
        Assert.Null(less.CiLow);
    }

    [Fact]
    public void Compare_Bayesian_ChanceToWinAndRisksFromNormalPosterior()
    {
        var r = Comparison.Compare(MeanControl, MeanTreatment, new CompareOptions());

        // Φ(0.707317 / 0.378794), and se·φ(z) ∓ effect·Φ(∓z), worked by hand.
        Close.To(0.9690691085, r.ChanceToWin, 1e-9);
        Close.To(0.0045567670, r.RiskOfTreatment, 1e-9);
        Close.To(0.7118738401, r.RiskOfControl, 1e-9);
    }

    [Fact]
    public void Compare_SequentialMeans_MatchesAsymptoticConfidenceSequence()
    {
        var control = ArmMoments.OfMean(new SampleStats(3000, 1396.87, 52377.9767));

        var r = Comparison.Compare(control, MeanTreatment, new CompareOptions(Sequential: true, SequentialTuning: 1000));

        Close.To(0.50336, r.Effect);
        Close.To(0.33341, r.StandardError);
        Close.To(-0.55844, r.CiLow);
        Close.To(1.56516, r.CiHigh);
        Assert.Equal(1.0, r.PValue);
    }

    [Fact]
    public void Compare_SequentialProportions_MatchesAsymptoticConfidenceSequence()
    {
        var r = Comparison.Compare(
            ArmMoments.OfProportion(new SampleStats(3000, 1396, 1396)),
            ArmMoments.OfProportion(new SampleStats(3461, 2422, 2422)),
            new CompareOptions(Sequential: true));

        Close.To(0.50386, r.Effect);
        Close.To(0.03386, r.StandardError);
        Close.To(0.40098, r.CiLow);
        Close.To(0.60675, r.CiHigh);
        Assert.True(r.PValue < 1e-20, $"p = {r.PValue}");
    }

    [Fact]
    public void Compare_SequentialTuning_IsTightestNearTheActualSampleSize()
    {
        var control = ArmMoments.OfMean(new SampleStats(3000, 1396.87, 52377.9767));
        double Width(double tuning)
        {
            var r = Comparison.Compare(control, MeanTreatment, new CompareOptions(Sequential: true, SequentialTuning: tuning));
            return r.CiHigh!.Value - r.CiLow!.Value;
        }

        Assert.True(Width(6461) < Width(10_000));
        Assert.True(Width(10_000) < Width(10));
    }

    [Fact]
    public void SequentialPValue_IsTheLevelAtWhichTheSequenceTouchesZero()
    {
        var control = ArmMoments.OfProportion(new SampleStats(4000, 400, 400));
        var treatment = ArmMoments.OfProportion(new SampleStats(4000, 470, 470));
        var estimate = EffectEstimate.Between(control, treatment, DifferenceType.Absolute);
        var rho = SequentialTest.Rho(0.05, 5000);

        var p = SequentialTest.PValue(estimate, rho);

        Assert.InRange(p, 0.1, 0.3);
        Assert.Equal(estimate.Effect, SequentialTest.HalfWidth(estimate, p, rho), 12);
    }

    [Fact]
    public void Compare_ZeroConversionsInBothArms_WarnsInsteadOfFailing()
    {
        var r = Comparison.Compare(
            ArmMoments.OfProportion(new SampleStats(500, 0, 0)),
            ArmMoments.OfProportion(new SampleStats(500, 0, 0)),
            new CompareOptions(Difference: DifferenceType.Absolute));

        Assert.Equal(0, r.Effect);
        Assert.Equal(1, r.PValue);
        Assert.Single(r.Warnings);
    }

    [Fact]
    public void Compare_RelativeWithZeroControlMean_IsRefused() =>
        Assert.Throws<StatsInputException>(() => Comparison.Compare(
            ArmMoments.OfProportion(new SampleStats(500, 0, 0)),
            ArmMoments.OfProportion(new SampleStats(500, 3, 3)),
            new CompareOptions()));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(10, 0)]
    public void Compare_ArmWithFewerThanTwoUnits_IsRefused(long controlN, long treatmentN) =>
        Assert.Throws<StatsInputException>(() => Comparison.Compare(
            new ArmMoments(controlN, 1, 1), new ArmMoments(treatmentN, 1, 1), new CompareOptions()));

    [Theory]
    [InlineData(0)]
    [InlineData(0.51)]
    [InlineData(double.NaN)]
    public void Compare_AlphaOutsideRange_IsRefused(double alpha) =>
        Assert.Throws<StatsInputException>(() => Comparison.Compare(MeanControl, MeanTreatment, new CompareOptions(Alpha: alpha)));
}
