using AdStudio.Core.Campaigns;

namespace AdStudio.Web.Features.Campaigns;

/// <summary>A campaign as the API shows it.</summary>
public sealed record CampaignDto(
    int Id, string Name, string Status, string Objective, string BidType, double Bid, double DailyBudget, double TotalBudget,
    DateTime StartsAt, DateTime? EndsAt, string Dayparting, int? FrequencyCapPerDay, string[] Placements, int[] CreativeIds,
    int[] IncludeSegments, int[] ExcludeSegments)
{
    public static CampaignDto From(Campaign campaign) => new(
        campaign.Id, campaign.Name, campaign.Status.ToString().ToLowerInvariant(), campaign.Objective.ToString().ToLowerInvariant(), campaign.BidType.ToString().ToLowerInvariant(),
        campaign.Bid, campaign.DailyBudget, campaign.TotalBudget, campaign.StartsAt, campaign.EndsAt, campaign.Dayparting, campaign.FrequencyCapPerDay,
        campaign.Placements.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        [.. campaign.Creatives.Select(cr => cr.Id)], [.. campaign.Targets.Where(t => !t.Exclude).Select(t => t.SegmentId)], [.. campaign.Targets.Where(t => t.Exclude).Select(t => t.SegmentId)]);
}
