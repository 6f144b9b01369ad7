using AdStudio.Core.Campaigns;
using AdStudio.Core.Serving;

namespace AdStudio.Tests.Core.Serving;

public class RankingTests
{
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
