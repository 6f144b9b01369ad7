using AdStudio.Core.Modeling;

namespace AdStudio.Tests.Core.Modeling;

public class BinaryMetricsTests
{
    [Fact]
    public void Compute_HandWorkedExample_GivesExactValues()
    {
        bool[] labels = [true, false, true, false];
        double[] p = [0.8, 0.4, 0.4, 0.1];

        var m = BinaryMetrics.Compute(labels, p);

        // Pairs (pos, neg): (0.8>0.4) 1, (0.8>0.1) 1, (0.4=0.4) ½, (0.4>0.1) 1 → 3.5 / 4.
        Assert.Equal(0.875, m.Auc, 12);
        var logLoss = -(Math.Log(0.8) + Math.Log(0.6) + Math.Log(0.4) + Math.Log(0.9)) / 4;
        Assert.Equal(logLoss, m.LogLoss, 12);
        Assert.Equal(logLoss / Math.Log(2), m.NormalisedEntropy, 12);
        // Four rows make four equal-count bins of one row each, in sorted order (ties keep input order):
        // ¼·(|0.1 − 0| + |0.4 − 0| + |0.4 − 1| + |0.8 − 1|) = ¼ · 1.3
        Assert.Equal(0.325, m.CalibrationError, 12);
        Assert.Equal((0.5, 4), (m.BaseRate, m.Rows));
    }

    [Fact]
    public void Compute_PerfectRanking_HasAucOne_AndConstantHasHalf()
    {
        Assert.Equal(1.0, BinaryMetrics.Compute([false, false, true], [0.1, 0.2, 0.9]).Auc, 12);
        Assert.Equal(0.5, BinaryMetrics.Compute([false, true, true], [0.3, 0.3, 0.3]).Auc, 12);
    }

    [Fact]
    public void Compute_PredictingTheBaseRate_HasNormalisedEntropyOne()
    {
        bool[] labels = [true, false, false, false];

        Assert.Equal(1.0, BinaryMetrics.Compute(labels, [0.25, 0.25, 0.25, 0.25]).NormalisedEntropy, 12);
    }

    [Fact]
    public void Compute_OneClassOnly_LeavesAucUndefined() =>
        Assert.True(double.IsNaN(BinaryMetrics.Compute([false, false], [0.1, 0.2]).Auc));

    [Fact]
    public void Reliability_TwentyRows_MakesTenEqualCountBinsInPredictionOrder()
    {
        var p = Enumerable.Range(0, 20).Select(i => (20 - i) / 100.0).ToArray();
        var labels = Enumerable.Range(0, 20).Select(i => i % 4 == 0).ToArray();

        var bins = BinaryMetrics.Reliability(labels, p);

        Assert.Equal(10, bins.Count);
        Assert.All(bins, b => Assert.Equal(2, b.Count));
        // The lowest two predictions, 0.01 and 0.02 (rows 19 and 18, neither a multiple of 4).
        Assert.Equal((0.015, 0.0), (Math.Round(bins[0].MeanPrediction, 12), bins[0].ObservedRate));
        // The highest two, 0.19 and 0.20 (rows 1 and 0; row 0 is positive).
        Assert.Equal((0.195, 0.5), (Math.Round(bins[9].MeanPrediction, 12), bins[9].ObservedRate));
    }
}
