namespace AdStudio.Core.Campaigns;

/// <summary>Everything a marketer sets on a campaign.</summary>
public sealed record CampaignDraft(
    string Name,
    CampaignObjective Objective,
    BidType BidType,
    double Bid,
    double DailyBudget,
    double TotalBudget,
    DateTime StartsAt,
    DateTime? EndsAt,
    string? Dayparting,
    int? FrequencyCapPerDay,
    IReadOnlyList<string> Placements,
    IReadOnlyList<int> CreativeIds,
    IReadOnlyList<int> IncludeSegments,
    IReadOnlyList<int> ExcludeSegments)
{
    public static CampaignDraft From(Campaign campaign) => new(
        campaign.Name, campaign.Objective, campaign.BidType, campaign.Bid, campaign.DailyBudget, campaign.TotalBudget, campaign.StartsAt, campaign.EndsAt, campaign.Dayparting, campaign.FrequencyCapPerDay,
        [.. campaign.Placements.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        [.. campaign.Creatives.Select(cr => cr.Id)],
        [.. campaign.Targets.Where(t => !t.Exclude).Select(t => t.SegmentId)],
        [.. campaign.Targets.Where(t => t.Exclude).Select(t => t.SegmentId)]);
}
