namespace AdStudio.Core.Campaigns;

public enum CampaignStatus
{
    Draft = 0,
    Active = 1,
    Paused = 2,
    Ended = 3,
}
