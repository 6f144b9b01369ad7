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
        // Bins: 0.1 → bin 1 (rate 0), 0.4,0.4 → bin 4 (rate ½), 0.8 → bin 8 (rate 1):
        // ¼·0.1 + ½·|0.4 − 0.5| + ¼·|0.8 − 1| = 0.025 + 0.05 + 0.05
        Assert.Equal(0.125, m.CalibrationError, 12);
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
}
