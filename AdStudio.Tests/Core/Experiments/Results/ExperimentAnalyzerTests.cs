using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Tests.Core.Experiments.Results;

public class ExperimentAnalyzerTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 1);

    private static ExperimentDesign Design(bool sequential = false, params double[] weights) => new(
        1, "Test", ExperimentStatus.Running,
        [.. (weights.Length == 0 ? [1.0, 1.0] : weights).Select((w, i) => new ArmDesign(10 + i, i == 0 ? "Control" : $"T{i}", 100 + i, w, i == 0))],
        0.05, sequential, 5000, true, 2000);

    /// <summary>n shoppers in the arm; the first `converted` convert; each sees 4 impressions and the first `clicked` click once.</summary>
    private static IEnumerable<ShopperDay> Arm(int variantId, int n, int converted, int clicked, double revenue = 20, DateOnly? day = null) =>
        Enumerable.Range(0, n).Select(i => new ShopperDay(
            $"v{variantId}-s{i}", variantId, day ?? Day1, 4, i < clicked ? 1 : 0, i < converted ? 1 : 0, 0.01 * 4, i < converted ? revenue : 0));

    [Fact]
    public void Analyze_TwoArms_ComparesEachMetricOnShopperUnits()
    {
        var days = Arm(10, 1000, 30, 80).Concat(Arm(11, 1000, 45, 100)).ToList();

        var r = ExperimentAnalyzer.Analyze(Design(), days, new Dictionary<string, double>());

        Assert.Equal([1000L, 1000L], r.Arms.Select(a => a.Units));
        Assert.False(r.SampleRatioMismatch);
        var conversion = r.Metrics.Single(m => m.Key == MetricKey.ConversionRate);
        Assert.Equal(0.03, conversion.Variants[0].Value, 12);
        Assert.Equal(0.045, conversion.Variants[1].Value, 12);
        var expected = Comparison.Compare(
            ArmMoments.OfProportion(new SampleStats(1000, 30, 30)), ArmMoments.OfProportion(new SampleStats(1000, 45, 45)), new CompareOptions());
        Assert.Equal(expected.Effect, conversion.Variants[1].Comparison!.Effect, 12);
        Assert.Equal(expected.PValue, conversion.Variants[1].Comparison!.PValue, 12);
        Assert.Equal(expected.PValue, conversion.Variants[1].AdjustedPValue!.Value, 12);
        Assert.Null(conversion.Variants[0].Comparison);
        var ctr = r.Metrics.Single(m => m.Key == MetricKey.Ctr);
        Assert.Equal(80.0 / 4000, ctr.Variants[0].Value, 12);
        Assert.Equal(0.25, ctr.Variants[1].Comparison!.Effect, 12);
        var revenue = r.Metrics.Single(m => m.Key == MetricKey.RevenuePerShopper);
        Assert.Equal(0.6, revenue.Variants[0].Value, 12);
        Assert.False(revenue.CupedApplied);
        var roi = r.Metrics.Single(m => m.Key == MetricKey.Roi);
        Assert.Equal((600 - 40.0) / 40.0, roi.Variants[0].Value, 9);
        Assert.Equal(0.5, r.Progress!.Value, 12);
    }

    [Fact]
    public void Analyze_Roi_IsAnAbsoluteDifferenceWithTheDeltaMethodError()
    {
        // Cost 0.04 per shopper; 30 vs 45 of 1,000 shoppers spend 20: ROI 14.0 vs 21.5. With a constant cost the delta
        // method reduces to var(revenue − cost) ÷ cost², so se = √((17.19 + 11.64)·1000/999 ÷ 0.0016 ÷ 1000) = 4.246974.
        var days = Arm(10, 1000, 30, 80).Concat(Arm(11, 1000, 45, 100)).ToList();

        var r = ExperimentAnalyzer.Analyze(Design(), days, new Dictionary<string, double>());

        var roi = r.Metrics.Single(m => m.Key == MetricKey.Roi);
        Assert.Equal(DifferenceType.Absolute, roi.LiftType);
        var c = roi.Variants[1].Comparison!;
        Assert.Equal(21.5 - 14.0, c.Effect, 9);
        Assert.Equal(4.24697383872173, c.StandardError, 9);
        Assert.Equal(0.9612989981908991, c.ChanceToWin, 9);
        Assert.Equal(c.Effect - c.CiLow!.Value, c.CiHigh!.Value - c.Effect, 9);
        Assert.InRange((c.CiHigh!.Value - c.Effect) / c.StandardError, 1.9599, 1.9615);
        Assert.Equal(DifferenceType.Relative, r.Metrics.Single(m => m.Key == MetricKey.Ctr).LiftType);
    }

    [Fact]
    public void Analyze_BelowTheMinimumEvents_MarksTheArmsNotEnoughData()
    {
        var days = Arm(10, 1000, 9, 80).Concat(Arm(11, 1000, 45, 100)).ToList();

        var r = ExperimentAnalyzer.Analyze(Design(), days, new Dictionary<string, double>(), new ExperimentsOptions { MinUnitsPerArm = 100, MinEventsPerArm = 10 });

        var conversion = r.Metrics.Single(m => m.Key == MetricKey.ConversionRate).Variants;
        Assert.Equal([9L, 45L], conversion.Select(v => v.Events));
        Assert.Equal([false, false], conversion.Select(v => v.EnoughData));
        var ctr = r.Metrics.Single(m => m.Key == MetricKey.Ctr).Variants;
        Assert.Equal([80L, 100L], ctr.Select(v => v.Events));
        Assert.Equal([true, true], ctr.Select(v => v.EnoughData));
        Assert.Equal(1, r.ExposureDays);
    }

    [Fact]
    public void Analyze_PrimaryMetricAndArmNames_FollowTheDesign()
    {
        var design = Design() with
        {
            PrimaryMetric = MetricKey.Ctr,
            Arms = [new ArmDesign(10, "Control", 100, 1, true, "Free delivery"), new ArmDesign(11, "Spring sale", 101, 1, false, "30 % off")],
        };

        var r = ExperimentAnalyzer.Analyze(design, [.. Arm(10, 100, 3, 8), .. Arm(11, 100, 3, 8)], new Dictionary<string, double>());

        Assert.Equal(MetricKey.Ctr, r.PrimaryMetric);
        Assert.Equal([MetricKey.Ctr], r.Metrics.Where(m => m.IsPrimary).Select(m => m.Key));
        Assert.Equal(["Free delivery", "Spring sale"], r.Arms.Select(a => a.Label));
        Assert.Equal([100, 101], r.Arms.Select(a => a.CreativeId));
    }

    [Fact]
    public void Analyze_ArmsFarFromWeights_FlagsSampleRatioMismatch()
    {
        var days = Arm(10, 1000, 30, 80).Concat(Arm(11, 800, 30, 80)).ToList();

        var r = ExperimentAnalyzer.Analyze(Design(), days, new Dictionary<string, double>());

        Assert.True(r.SampleRatioMismatch);
        Assert.True(r.SampleRatioPValue < 0.001);
        Assert.Contains(r.Warnings, w => w.Contains("Sample-ratio mismatch", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_ThreeArms_HolmAdjustsTreatmentPValues()
    {
        var days = Arm(10, 1000, 30, 80).Concat(Arm(11, 1000, 48, 80)).Concat(Arm(12, 1000, 36, 80)).ToList();

        var r = ExperimentAnalyzer.Analyze(Design(false, 1, 1, 1), days, new Dictionary<string, double>());

        var conversion = r.Metrics.Single(m => m.Key == MetricKey.ConversionRate).Variants;
        var raw = new[] { conversion[1].Comparison!.PValue, conversion[2].Comparison!.PValue };
        double[] adjusted = [conversion[1].AdjustedPValue!.Value, conversion[2].AdjustedPValue!.Value];
        Assert.Equal(HolmCorrection.Adjust(raw).AsEnumerable(), adjusted);
        Assert.True(conversion[1].AdjustedPValue > conversion[1].Comparison!.PValue);
    }

    [Fact]
    public void Analyze_ShoppersWithoutImpressions_AreNotUnits()
    {
        var days = Arm(10, 100, 3, 8).Concat(Arm(11, 100, 3, 8))
            .Append(new ShopperDay("clicked-only", 11, Day1, 0, 1, 0, 0, 0)).ToList();

        var r = ExperimentAnalyzer.Analyze(Design(), days, new Dictionary<string, double>());

        Assert.Equal([100L, 100L], r.Arms.Select(a => a.Units));
    }

    [Fact]
    public void Analyze_PreExperimentSpend_AppliesCupedToRevenue()
    {
        var random = new Random(3);
        var pre = new Dictionary<string, double>();
        var days = new List<ShopperDay>();
        for (var arm = 10; arm <= 11; arm++)
        {
            for (var i = 0; i < 500; i++)
            {
                var id = $"a{arm}-{i}";
                pre[id] = random.NextDouble() * 100;
                days.Add(new ShopperDay(id, arm, Day1, 2, 0, 0, 0.02, (0.5 * pre[id]) + (random.NextDouble() * 10)));
            }
        }

        var r = ExperimentAnalyzer.Analyze(Design(), days, pre);
        var unadjusted = ExperimentAnalyzer.Analyze(Design(), days, new Dictionary<string, double>());

        var revenue = r.Metrics.Single(m => m.Key == MetricKey.RevenuePerShopper);
        Assert.True(revenue.CupedApplied);
        Assert.True(revenue.Variants[1].Comparison!.StandardError
            < 0.5 * unadjusted.Metrics.Single(m => m.Key == MetricKey.RevenuePerShopper).Variants[1].Comparison!.StandardError);
    }

    [Fact]
    public void Analyze_NoControlConversions_ExplainsMissingComparison()
    {
        var days = Arm(10, 100, 0, 0).Concat(Arm(11, 100, 2, 5)).ToList();

        var r = ExperimentAnalyzer.Analyze(Design(), days, new Dictionary<string, double>());

        var conversion = r.Metrics.Single(m => m.Key == MetricKey.ConversionRate).Variants[1];
        Assert.Null(conversion.Comparison);
        Assert.Contains("zero", conversion.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DailyData_GivesCumulativeLiftPerDay()
    {
        var days = Arm(10, 400, 12, 30, day: Day1).Concat(Arm(11, 400, 20, 30, day: Day1))
            .Concat(Arm(10, 400, 12, 30, day: Day1.AddDays(1)).Select(d => d with { ShopperId = d.ShopperId + "b" }))
            .Concat(Arm(11, 400, 20, 30, day: Day1.AddDays(1)).Select(d => d with { ShopperId = d.ShopperId + "b" }))
            .ToList();

        var r = ExperimentAnalyzer.Analyze(Design(sequential: true), days, new Dictionary<string, double>());

        Assert.Equal([Day1, Day1.AddDays(1)], r.CumulativeLift.Select(p => p.Day));
        Assert.All(r.CumulativeLift, p => Assert.Equal(20.0 / 12 - 1, p.Lift, 9));
        // Twice the data: the second day's interval is narrower.
        Assert.True(r.CumulativeLift[1].High - r.CumulativeLift[1].Low < r.CumulativeLift[0].High - r.CumulativeLift[0].Low);
        Assert.StartsWith("Sequential", r.Method, StringComparison.Ordinal);
    }
}
