using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Tests.Core.Experiments.Stats;

/// <summary>Inputs at the edge of double precision: a finite answer or a <see cref="StatsInputException"/> with a reason, nothing else.</summary>
public class ExtremeInputTests
{
    private static readonly CompareOptions Absolute = new(Difference: DifferenceType.Absolute);

    private static ArmMoments Mean(long n, double sum, double sumSquares) => ArmMoments.OfMean(new SampleStats(n, sum, sumSquares));

    private static void AssertFinite(ComparisonResult r)
    {
        foreach (var value in new double?[] { r.Effect, r.CiLow, r.CiHigh, r.StandardError, r.PValue, r.ChanceToWin, r.RiskOfTreatment, r.RiskOfControl })
        {
            Assert.True(value is null || double.IsFinite(value.Value), $"not finite: {value}");
        }
    }

    public static TheoryData<long, double, double, long, double, double, string> Refused => new()
    {
        // Sums whose squares overflow: the variance is ∞ − ∞ = NaN.
        { 1000, 1e200, 1e308, 1000, 1e200, 1e308, "effect" },
        // A control mean of 1e-300 makes the relative effect's variance divide by 1e-600 = 0.
        { 1000, 1e-297, 1e-290, 1000, 2e-297, 2e-290, "effect" },
        // More units than a long can add up (n₁ + n₂ overflows).
        { long.MaxValue, 1, 1, long.MaxValue, 1, 1, "at most" },
        { StatsLimits.MaxUnitsPerArm + 1, 10, 100, 1000, 10, 100, "at most" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Compare_ResultWouldNotBeFinite_ThrowsWithReason(long nc, double sc, double qc, long nt, double st, double qt, string reason)
    {
        var ex = Assert.Throws<StatsInputException>(() => Comparison.Compare(Mean(nc, sc, qc), Mean(nt, st, qt), new CompareOptions()));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_HugeButRepresentableSums_GivesFiniteResult()
    {
        // Sums of squares close to double.MaxValue with variances that do not overflow: Welch's df must not square them.
        var r = Comparison.Compare(Mean(1_000_000, 1e153, 1e308), Mean(1_000_000, 1.01e153, 1.02e308), Absolute);

        AssertFinite(r);
        Assert.True(r.StandardError > 0);
    }

    [Fact]
    public void Compare_HugeUnitCountsWithinTheLimit_GivesFiniteResult()
    {
        var n = StatsLimits.MaxUnitsPerArm;

        var r = Comparison.Compare(
            ArmMoments.OfProportion(new SampleStats(n, n * 0.03, n * 0.03)),
            ArmMoments.OfProportion(new SampleStats(n, n * 0.0301, n * 0.0301)),
            new CompareOptions(Sequential: true, SequentialTuning: StatsLimits.MaxSequentialTuning));

        AssertFinite(r);
        Assert.True(r.PValue < 1e-6);
    }

    [Fact]
    public void Compare_TinyVariance_GivesFiniteResult()
    {
        // sumSquares a hair above sum²/n: a variance of about 1e-12 around means of 1.
        var r = Comparison.Compare(Mean(1000, 1000, 1000 + 1e-9), Mean(1000, 1000.001, 1000.002 + 1e-9), Absolute);

        AssertFinite(r);
    }

    [Fact]
    public void Compare_SubnormalVariances_DegreesOfFreedomDoNotUnderflowToNaN()
    {
        var control = new ArmMoments(100, 1, 1e-310);
        var treatment = new ArmMoments(100, 1.5, 2e-310);

        var df = EffectEstimate.WelchDegreesOfFreedom(control, treatment);
        var r = Comparison.Compare(control, treatment, Absolute);

        Assert.InRange(df, 1, 198);
        AssertFinite(r);
    }

    [Fact]
    public void WelchDegreesOfFreedom_ScaledVariances_SameAnswer()
    {
        var control = new ArmMoments(50, 1, 3);
        var treatment = new ArmMoments(80, 2, 7);

        var plain = EffectEstimate.WelchDegreesOfFreedom(control, treatment);
        var huge = EffectEstimate.WelchDegreesOfFreedom(control with { Variance = 3e300 }, treatment with { Variance = 7e300 });

        Close.To(plain, huge, 1e-9 * plain);
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(4.9e-324)]
    [InlineData(0.5000001)]
    public void Compare_AlphaOutsideTheLimits_Throws(double alpha)
    {
        var ex = Assert.Throws<StatsInputException>(() => Comparison.Compare(Mean(100, 50, 60), Mean(100, 55, 70), new CompareOptions(alpha)));

        Assert.Contains("alpha", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Alternative.TwoSided, false)]
    [InlineData(Alternative.Greater, false)]
    [InlineData(Alternative.Less, true)]
    [InlineData(Alternative.TwoSided, true)]
    public void Compare_SmallestAlpha_GivesFiniteIntervals(Alternative alternative, bool sequential)
    {
        var r = Comparison.Compare(Mean(100, 50, 60), Mean(100, 55, 70), new CompareOptions(StatsLimits.MinAlpha, alternative, DifferenceType.Absolute, sequential));

        AssertFinite(r);
        Assert.True(r.CiLow is not null || r.CiHigh is not null);
    }

    [Fact]
    public void Compare_LargestSequentialTuning_IsFiniteAndLargerIsRefused()
    {
        var options = new CompareOptions(Sequential: true, SequentialTuning: StatsLimits.MaxSequentialTuning);

        AssertFinite(Comparison.Compare(Mean(100, 50, 60), Mean(100, 55, 70), options));
        Assert.Throws<StatsInputException>(() => Comparison.Compare(Mean(100, 50, 60), Mean(100, 55, 70), options with { SequentialTuning = 1e300 }));
    }

    [Fact]
    public void SampleSizePlan_EffectTooSmallToDetect_ThrowsInsteadOfOverflowing()
    {
        var ex = Assert.Throws<StatsInputException>(() => SampleSizePlan.For(0.03, 1e-9, 0.05, 0.8, 2, 1000));

        Assert.Contains("units per variant", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleSizePlan_TinyTraffic_ThrowsInsteadOfOverflowingDays()
    {
        Assert.Throws<StatsInputException>(() => SampleSizePlan.For(0.03, 0.25, 0.05, 0.8, 2, 1e-300));
    }

    [Fact]
    public void SampleRatioCheck_HugeWeights_GivesTheSamePValueAsSmallOnes()
    {
        var small = SampleRatioCheck.PValue([1000, 1100], [1, 1]);
        var huge = SampleRatioCheck.PValue([1000, 1100], [1e308, 1e308]);

        Close.To(small, huge, 1e-12);
        Assert.True(small < 0.05);
    }

    [Fact]
    public void SampleRatioCheck_InfiniteWeight_Throws()
    {
        Assert.Throws<StatsInputException>(() => SampleRatioCheck.PValue([10, 10], [double.PositiveInfinity, 1]));
    }
}
