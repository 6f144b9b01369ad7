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
    public static CampaignDraft From(Campaign c) => new(
        c.Name, c.Objective, c.BidType, c.Bid, c.DailyBudget, c.TotalBudget, c.StartsAt, c.EndsAt, c.Dayparting, c.FrequencyCapPerDay,
        [.. c.Placements.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        [.. c.Creatives.Select(cr => cr.Id)],
        [.. c.Targets.Where(t => !t.Exclude).Select(t => t.SegmentId)],
        [.. c.Targets.Where(t => t.Exclude).Select(t => t.SegmentId)]);
}
