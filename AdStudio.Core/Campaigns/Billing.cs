using AdStudio.Core.Events;

namespace AdStudio.Core.Campaigns;

/// <summary>What a campaign pays: the bid a decision carries and the charge for each of its ad events.</summary>
public static class Billing
{
    /// <summary>
    /// The bid a decision carries: the campaign's bid, except oCPA's per-click price, fixed at decision time as
    /// pCVR × target CPA.
    /// </summary>
    public static double ChargedBid(BidType bidType, double bid, double conversionRate) =>
        bidType == BidType.Ocpa ? conversionRate * bid : bid;

    /// <summary>The charge for an event of a decision: the charged bid when the event matches the bid type (per mille for CPM), else nothing.</summary>
    public static double Charge(BidType bidType, double chargedBid, AdEventType eventType) => (bidType, eventType) switch
    {
        (BidType.Cpm, AdEventType.Impression) => chargedBid / 1000.0,
        (BidType.Cpc, AdEventType.Click) => chargedBid,
        (BidType.Cpa, AdEventType.Conversion) => chargedBid,
        (BidType.Ocpa, AdEventType.Click) => chargedBid,
        _ => 0.0,
    };
}
