using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Tests.Core.Experiments.Results;

public class ExperimentVerdictTests
{
    private const int Control = 10;
    private const int Treatment = 11;

    /// <summary>Two arms of 500 shoppers over 5 days (100 per arm per day); the primary metric's treatment row is given.</summary>
    private static ExperimentResults Results(
        ComparisonResult? comparison, string primary = MetricKey.Ctr, long units = 500, long events = 40, long? planned = 2000,
        bool srm = false, double? adjustedP = null, double controlValue = 0.03, int days = 5)
    {
        ArmUnits[] arms =
        [
            new(Control, "Control", true, 1, units, 0.5, 0.5) { Label = "Delivery headline" },
            new(Treatment, "Spring sale", false, 1, units, 0.5, 0.5),
        ];
        var metrics = MetricKey.All.Select(key => new MetricResult(key, MetricKey.Label(key), false,
        [
            new VariantMetric(Control, units, controlValue, null, null, null) { Events = events },
            new VariantMetric(Treatment, units, controlValue * 1.1, key == primary ? comparison : null, key == primary ? adjustedP : null, null) { Events = events },
        ])
        { IsPrimary = key == primary }).ToList();
        var minimums = new ExperimentsOptions();
        metrics = [.. metrics.Select(m => m with { Variants = [.. m.Variants.Select(v => v with { EnoughData = units >= minimums.MinUnitsPerArm && events >= minimums.MinEventsPerArm })] })];
        return new ExperimentResults(1, "Headline test", ExperimentStatus.Running, "Fixed horizon", 0.05, arms, srm ? 1e-6 : 0.5, srm, planned, metrics, [], [])
        {
            PrimaryMetric = primary,
            ExposureDays = days,
            MinimumDetectableEffect = 0.1,
        };
    }

    private static ComparisonResult Compared(double effect, double low, double high, double p, double chance) =>
        new(effect, low, high, 0.05, p, chance, 0.001, 0.02, []);

    [Fact]
    public void Of_TreatmentSignificantlyBetter_NamesTheWinnerWithLiftChanceAndP()
    {
        var results = Results(Compared(0.123, 0.021, 0.225, 0.004, 0.975));

        var verdict = ExperimentVerdict.Of(results);

        Assert.Equal(VerdictKind.TreatmentWins, verdict.Kind);
        Assert.Equal(Treatment, verdict.ArmVariantId);
        Assert.Equal("Treatment 'Spring sale' wins on CTR: +12.3 % relative, 97.5 % chance to win, p = 0.004.", verdict.Text);
    }

    [Fact]
    public void Of_TreatmentSignificantlyWorse_SaysTheControlWins()
    {
        var results = Results(Compared(-0.081, -0.15, -0.012, 0.0312, 0.011), primary: MetricKey.ConversionRate);

        var verdict = ExperimentVerdict.Of(results);

        Assert.Equal(VerdictKind.ControlWins, verdict.Kind);
        Assert.Equal(Control, verdict.ArmVariantId);
        Assert.Equal("Control 'Delivery headline' wins on Shopper conversion: treatment 'Spring sale' −8.1 % relative, 1.1 % chance to win, p = 0.031.", verdict.Text);
    }

    [Fact]
    public void Of_RoiPrimary_SaysTheLiftInPercentagePoints()
    {
        var results = Results(Compared(0.052, 0.01, 0.094, 0.0004, 0.99), primary: MetricKey.Roi);

        var verdict = ExperimentVerdict.Of(results);

        Assert.Equal("Treatment 'Spring sale' wins on ROI: +5.2 pp absolute, 99.0 % chance to win, p < 0.001.", verdict.Text);
    }

    [Fact]
    public void Of_HolmAdjustedPAboveAlpha_IsNoWinner()
    {
        var results = Results(Compared(0.123, 0.021, 0.225, 0.04, 0.975), adjustedP: 0.08);

        var verdict = ExperimentVerdict.Of(results);

        Assert.Equal(VerdictKind.KeepRunning, verdict.Kind);
    }

    [Fact]
    public void Of_PlannedSampleNotReached_EstimatesTheMoreDaysFromTheDailyExposures()
    {
        // 1,000 shoppers in 5 days = 200 a day, 100 per arm; each arm needs 2,000 − 500 more: 15 days.
        var results = Results(Compared(0.05, -0.2, 0.3, 0.6, 0.7));

        var verdict = ExperimentVerdict.Of(results);

        Assert.Equal(VerdictKind.KeepRunning, verdict.Kind);
        Assert.Equal(15, verdict.DaysToGo);
        Assert.Equal("No decision yet on CTR: about 15 more days at current traffic.", verdict.Text);
    }

    [Fact]
    public void Of_NoPlan_PlansFromThePowerCalculationAtTheObservedBaseline()
    {
        var results = Results(Compared(0.05, -0.2, 0.3, 0.6, 0.7), planned: null);
        var needed = SampleSizePlan.For(0.03, 0.1, 0.05, ExperimentVerdict.Power, 2, null).UnitsPerVariant;

        var verdict = ExperimentVerdict.Of(results);

        Assert.Equal(58_537, needed); // (z₀.₉₇₅ + z₀.₈)² · (0.033·0.967 ÷ 0.03² + 0.033²·0.03·0.97 ÷ 0.03⁴) ÷ 0.1², rounded up
        Assert.Equal((int)Math.Ceiling((needed - 500) / 100.0), verdict.DaysToGo);
        Assert.Equal(581, verdict.DaysToGo);
        Assert.Equal(
            "No decision yet on CTR: about 581 more days at current traffic, more than 8 weeks; consider stopping as inconclusive or testing a bolder change.",
            verdict.Text);
    }

    [Fact]
    public void Of_TooFewEventsPerArm_IsNotEnoughDataWithTheDaysToGo()
    {
        var results = Results(Compared(0.9, -2, 3.8, 1, 0.94), events: 9);

        var verdict = ExperimentVerdict.Of(results);

        Assert.Equal(VerdictKind.NotEnoughData, verdict.Kind);
        Assert.Equal("No decision yet: not enough data on CTR: about 15 more days at current traffic.", verdict.Text);
    }

    [Fact]
    public void Of_IntervalsInsideTheMinimumEffect_SaysTheArmsAreEquivalent()
    {
        var results = Results(Compared(0.01, -0.04, 0.06, 0.7, 0.62), units: 2500);

        var verdict = ExperimentVerdict.Of(results);

        Assert.Equal(VerdictKind.Equivalent, verdict.Kind);
        Assert.Equal("No winner: the arms are equivalent on CTR within ±10.0 % relative (every interval lies inside it).", verdict.Text);
    }

    [Fact]
    public void Of_SampleRatioMismatch_SaysDoNotDecideEvenWithAWinner()
    {
        var results = Results(Compared(0.123, 0.021, 0.225, 0.004, 0.975), srm: true);

        var verdict = ExperimentVerdict.Of(results);

        Assert.Equal(VerdictKind.DoNotDecide, verdict.Kind);
        Assert.StartsWith("Do not decide: the arms did not get their configured shares", verdict.Text, StringComparison.Ordinal);
        Assert.Null(verdict.ArmVariantId);
    }
}
