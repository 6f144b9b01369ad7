using AdStudio.Core.Serving;

namespace AdStudio.Core.Campaigns;

/// <summary>Field rules of a campaign, checked on every save (pure: the caller supplies what exists).</summary>
public static class CampaignRules
{
    public static List<CampaignFinding> Validate(CampaignDraft d, IReadOnlyCollection<string> knownPlacements, IReadOnlySet<int> knownCreatives, IReadOnlySet<int> knownSegments)
    {
        var f = new List<CampaignFinding>();
        if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 128)
        {
            f.Add(new("name", "Give the campaign a name of at most 128 characters."));
        }

        if (!Enum.IsDefined(d.BidType))
        {
            f.Add(new("bidType", "Choose CPM, CPC, CPA or oCPA."));
        }

        if (!(d.Bid > 0) || d.Bid > 10_000)
        {
            f.Add(new("bid", "The bid must be more than 0 (and at most 10,000)."));
        }

        if (!(d.DailyBudget >= 0) || !(d.TotalBudget >= 0) || double.IsInfinity(d.TotalBudget))
        {
            f.Add(new("dailyBudget", "Budgets cannot be negative."));
        }
        else if (d.TotalBudget > 0 && d.DailyBudget > d.TotalBudget)
        {
            f.Add(new("dailyBudget", "The daily budget cannot exceed the total budget."));
        }

        if (d.EndsAt is { } end && end <= d.StartsAt)
        {
            f.Add(new("endsAt", "The campaign must end after it starts."));
        }

        if (!Dayparting.IsValid(d.Dayparting))
        {
            f.Add(new("dayparting", "The dayparting grid has 168 hours, each on or off."));
        }
        else if (!string.IsNullOrEmpty(d.Dayparting) && !d.Dayparting.Contains('1', StringComparison.Ordinal))
        {
            f.Add(new("dayparting", "Dayparting leaves no hour to serve in; switch on at least one hour."));
        }

        if (d.FrequencyCapPerDay is < 1 or > 1000)
        {
            f.Add(new("frequencyCapPerDay", "A frequency cap is between 1 and 1,000 impressions per shopper per day; leave it empty for none."));
        }

        foreach (var unknown in d.Placements.Where(p => !knownPlacements.Contains(p)))
        {
            f.Add(new("placements", $"There is no placement \"{unknown}\"; use {string.Join(", ", knownPlacements)}."));
        }

        foreach (var missing in d.CreativeIds.Where(id => !knownCreatives.Contains(id)))
        {
            f.Add(new("creativeIds", $"There is no creative {missing}."));
        }

        foreach (var missing in d.IncludeSegments.Concat(d.ExcludeSegments).Distinct().Where(id => !knownSegments.Contains(id)))
        {
            f.Add(new("segments", $"There is no segment {missing}."));
        }

        if (d.IncludeSegments.Intersect(d.ExcludeSegments).Any())
        {
            f.Add(new("segments", "A segment cannot be both included and excluded."));
        }

        return f;
    }
}
