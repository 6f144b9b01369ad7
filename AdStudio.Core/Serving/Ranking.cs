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

    /// <summary>
    /// What the advertiser is charged for an event of a decision: the bid when it matches the bid type. For
    /// oCPA the charged bid is the per-click price fixed at decision time (pCVR × target CPA).
    /// </summary>
    /// <summary>The bid a decision carries: the campaign's bid, except oCPA's per-click price pCVR × target CPA.</summary>
    public static double ChargedBid(BidType bidType, double bid, double conversionRate) =>
        bidType == BidType.Ocpa ? conversionRate * bid : bid;

    public static double Charge(BidType bidType, double bid, Events.AdEventType eventType) => (bidType, eventType) switch
    {
        (BidType.Cpm, Events.AdEventType.Impression) => bid / 1000.0,
        (BidType.Cpc, Events.AdEventType.Click) => bid,
        (BidType.Cpa, Events.AdEventType.Conversion) => bid,
        (BidType.Ocpa, Events.AdEventType.Click) => bid,
        _ => 0.0,
    };
}
