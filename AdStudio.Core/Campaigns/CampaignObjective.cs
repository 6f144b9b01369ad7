namespace AdStudio.Core.Campaigns;

/// <summary>What the campaign is meant to achieve; reports lead with the matching KPI.</summary>
public enum CampaignObjective
{
    Clicks = 0,
    Conversions = 1,
    Revenue = 2,
}
