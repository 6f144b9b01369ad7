using AdStudio.Core.Campaigns;
using AdStudio.Core.Serving;

namespace AdStudio.Tests.Core.Serving;

public class RankingTests
{
    [Fact]
    public void SmoothedRate_NoEvidence_IsThePrior() =>
        Assert.Equal(0.02, Ranking.SmoothedRate(0, 0, priorMean: 0.02, priorStrength: 200), 15);

    [Fact]
    public void SmoothedRate_WithEvidence_BlendsPriorAndObservedRate() =>
        // (30 + 0.02·200) / (1000 + 200) = 34 / 1200
        Assert.Equal(34.0 / 1200.0, Ranking.SmoothedRate(30, 1000, priorMean: 0.02, priorStrength: 200), 15);

    [Fact]
    public void SmoothedRate_MuchEvidence_ApproachesObservedRate() =>
        Assert.Equal(0.05, Ranking.SmoothedRate(50_000, 1_000_000, 0.02, 200), 3);

    [Fact]
    public void SmoothedRate_MoreSuccessesThanTrials_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Ranking.SmoothedRate(11, 10, 0.02, 200));

    [Theory]
    [InlineData(BidType.Cpm, 4.0, 0.02, 0.1, 0.004)]
    [InlineData(BidType.Cpc, 0.8, 0.02, 0.1, 0.016)]
    [InlineData(BidType.Cpa, 12.0, 0.02, 0.1, 0.024)]
    [InlineData(BidType.Ocpa, 12.0, 0.02, 0.1, 0.024)]
    public void ExpectedValuePerImpression_FollowsBidType(BidType bidType, double bid, double ctr, double cvr, double expected) =>
        Assert.Equal(expected, Ranking.ExpectedValuePerImpression(bidType, bid, ctr, cvr), 15);

    [Fact]
    public void ExpectedValuePerImpression_HigherCtrBeatsHigherCpcBidWhenProductIsLarger()
    {
        var sharpCreative = Ranking.ExpectedValuePerImpression(BidType.Cpc, 0.50, 0.040, 0);
        var richBid = Ranking.ExpectedValuePerImpression(BidType.Cpc, 0.90, 0.015, 0);

        Assert.True(sharpCreative > richBid);
    }
}
