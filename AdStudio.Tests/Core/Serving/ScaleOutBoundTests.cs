using AdStudio.Core.Serving;

namespace AdStudio.Tests.Core.Serving;

public sealed class ScaleOutBoundTests
{
    [Fact]
    public void Excess_OneNodeNoWriteLatency_IsOneCharge()
    {
        // Alone, a node sees all it spent: only the decision that crosses the budget can pass it.
        Assert.Equal(0.5, ScaleOutBound.Excess(1, 100, 0.5, TimeSpan.FromSeconds(30), TimeSpan.Zero, 50));
    }

    [Fact]
    public void Excess_FourNodesFastRefresh_IsWhatTheOthersSpendInOneRefreshAndWrite()
    {
        // c · (λ · ((N − 1)(R + W) + W) + N) = 0.02 · (50 · (3 · 6 + 1) + 4) = 0.02 · 954 = 19.08
        var excess = ScaleOutBound.Excess(4, 50, 0.02, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), 1000);

        Assert.Equal(19.08, excess, 9);
    }

    [Fact]
    public void Excess_RefreshSlowerThanTheBudgetLasts_IsEachNodeSpendingTheWholeBudget()
    {
        // (N − 1) · limit + N · c · (λ·W + 1) = 1 · 10 + 2 · 0.1 · (20 · 0 + 1) = 10.2, far under the unseen term (0.1 · (20 · 3600 + 2)).
        var excess = ScaleOutBound.Excess(2, 20, 0.1, TimeSpan.FromHours(1), TimeSpan.Zero, 10);

        Assert.Equal(10.2, excess, 9);
    }

    [Fact]
    public void Excess_FrequencyCap_CountsImpressionsAsUnitCharges()
    {
        // A shopper shown the ad at most every 10 s per node, cap 3, 3 nodes, R = 30 s, W = 2 s:
        // min(1 · (0.1 · (2 · 32 + 2) + 3), 2 · 3 + 3 · 1 · (0.1 · 2 + 1)) = min(9.6, 9.6) = 9.6
        var excess = ScaleOutBound.Excess(3, 0.1, 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), 3);

        Assert.Equal(9.6, excess, 9);
    }

    [Fact]
    public void Excess_NoNodes_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaleOutBound.Excess(0, 1, 1, TimeSpan.Zero, TimeSpan.Zero, 1));
    }
}
