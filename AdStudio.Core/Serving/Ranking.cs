using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Serving;

/// <summary>The first ranking: estimated rates turned into expected value per impression (smoothing lives in <see cref="Modeling.RateSmoothing"/>).</summary>
public static class Ranking
{
    /// <summary>
    /// What showing the ad once is expected to earn under its bid type: CPM bid ÷ 1000,
    /// CPC pCTR × bid, CPA and oCPA pCTR × pCVR × bid.
    /// </summary>
    public static double ExpectedValuePerImpression(BidType bidType, double bid, double clickRate, double conversionRate) =>
        bidType switch
        {
            BidType.Cpm => bid / 1000.0,
            BidType.Cpc => clickRate * bid,
            BidType.Cpa or BidType.Ocpa => clickRate * conversionRate * bid,
            _ => throw new ArgumentOutOfRangeException(nameof(bidType), bidType, "Unknown bid type."),
        };
}
