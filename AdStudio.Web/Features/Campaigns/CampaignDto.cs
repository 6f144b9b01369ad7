using AdStudio.Core.Campaigns;

namespace AdStudio.Web.Features.Campaigns;

/// <summary>A campaign as the API shows it.</summary>
public sealed record CampaignDto(
    int Id, string Name, string Status, string Objective, string BidType, double Bid, double DailyBudget, double TotalBudget,
    DateTime StartsAt, DateTime? EndsAt, string Dayparting, int? FrequencyCapPerDay, string[] Placements, int[] CreativeIds,
    int[] IncludeSegments, int[] ExcludeSegments)
{
    public static CampaignDto From(Campaign c) => new(
        c.Id, c.Name, c.Status.ToString().ToLowerInvariant(), c.Objective.ToString().ToLowerInvariant(), c.BidType.ToString().ToLowerInvariant(),
        c.Bid, c.DailyBudget, c.TotalBudget, c.StartsAt, c.EndsAt, c.Dayparting, c.FrequencyCapPerDay,
        c.Placements.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        [.. c.Creatives.Select(cr => cr.Id)], [.. c.Targets.Where(t => !t.Exclude).Select(t => t.SegmentId)], [.. c.Targets.Where(t => t.Exclude).Select(t => t.SegmentId)]);
}
