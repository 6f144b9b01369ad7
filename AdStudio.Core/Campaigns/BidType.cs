namespace AdStudio.Core.Campaigns;

/// <summary>What the advertiser pays for: a thousand impressions, a click or a conversion.</summary>
public enum BidType
{
    Cpm = 0,
    Cpc = 1,
    Cpa = 2,

    /// <summary>Optimised CPA: ranked like CPA, charged per click at the predicted conversion rate × target CPA.</summary>
    Ocpa = 3,
}
