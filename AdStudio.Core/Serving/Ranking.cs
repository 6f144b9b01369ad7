using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Serving;

/// <summary>The first ranking: smoothed historical rates turned into expected value per impression.</summary>
public static class Ranking
{
    /// <summary>
    /// Empirical-Bayes estimate of a rate: the observed successes and trials plus
    /// <paramref name="priorStrength"/> pseudo-trials at <paramref name="priorMean"/>, so a new creative
    /// starts at the shop-wide rate and moves toward its own as evidence accumulates.
    /// </summary>
    public static double SmoothedRate(long successes, long trials, double priorMean, double priorStrength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        var denominator = trials + priorStrength;
        return denominator <= 0 ? priorMean : (successes + (priorMean * priorStrength)) / denominator;
    }

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
