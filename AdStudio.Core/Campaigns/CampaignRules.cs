using AdStudio.Core.Serving;

namespace AdStudio.Core.Campaigns;

/// <summary>Field rules of a campaign, checked on every save (pure: the caller supplies what exists).</summary>
public static class CampaignRules
{
    /// <summary>The largest bid, in the shop's currency.</summary>
    public const double MaxBid = 10_000;

    /// <summary>The largest daily or total budget (a billion), so that pacing and spend sums stay exact and finite.</summary>
    public const double MaxBudget = 1_000_000_000;

    /// <summary>At most this many entries in each of placements, creativeIds, includeSegments and excludeSegments.</summary>
    public const int MaxListItems = 100;

    public static List<CampaignFinding> Validate(CampaignDraft draft, IReadOnlyCollection<string> knownPlacements, IReadOnlySet<int> knownCreatives, IReadOnlySet<int> knownSegments)
    {
        var findings = new List<CampaignFinding>();
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 128)
        {
            findings.Add(new("name", "Give the campaign a name of at most 128 characters."));
        }

        if (!Enum.IsDefined(draft.BidType))
        {
            findings.Add(new("bidType", "Choose CPM, CPC, CPA or oCPA."));
        }

        if (!(draft.Bid > 0) || draft.Bid > MaxBid)
        {
            findings.Add(new("bid", $"The bid must be more than 0 (and at most {MaxBid:N0})."));
        }

        // A campaign always has both budgets: 0 would never serve (and was refused only at activation), and a
        // negative one means nothing, so each is a field error on every save.
        var dailyOk = CheckBudget(findings, "dailyBudget", "daily", draft.DailyBudget);
        var totalOk = CheckBudget(findings, "totalBudget", "total", draft.TotalBudget);
        if (dailyOk && totalOk && draft.DailyBudget > draft.TotalBudget)
        {
            findings.Add(new("dailyBudget", "The daily budget cannot exceed the total budget."));
        }

        if (draft.EndsAt is { } end && end <= draft.StartsAt)
        {
            findings.Add(new("endsAt", "The campaign must end after it starts."));
        }

        if (!Dayparting.IsValid(draft.Dayparting))
        {
            findings.Add(new("dayparting", "The dayparting grid has 168 hours, each on or off."));
        }
        else if (!string.IsNullOrEmpty(draft.Dayparting) && !draft.Dayparting.Contains('1', StringComparison.Ordinal))
        {
            findings.Add(new("dayparting", "Dayparting leaves no hour to serve in; switch on at least one hour."));
        }

        if (draft.FrequencyCapPerDay is < 1 or > 1000)
        {
            findings.Add(new("frequencyCapPerDay", "A frequency cap is between 1 and 1,000 impressions per shopper per day; leave it empty for none."));
        }

        var shape = ValidateShape(draft);
        if (shape.Count > 0)
        {
            findings.AddRange(shape);
            return findings;
        }

        foreach (var unknown in draft.Placements.Where(p => !knownPlacements.Contains(p)))
        {
            findings.Add(new("placements", $"There is no placement \"{unknown}\"; use {string.Join(", ", knownPlacements)}."));
        }

        foreach (var missing in draft.CreativeIds.Where(id => !knownCreatives.Contains(id)))
        {
            findings.Add(new("creativeIds", $"There is no creative {missing}."));
        }

        foreach (var missing in draft.IncludeSegments.Concat(draft.ExcludeSegments).Distinct().Where(id => !knownSegments.Contains(id)))
        {
            findings.Add(new("segments", $"There is no segment {missing}."));
        }

        if (draft.IncludeSegments.Intersect(draft.ExcludeSegments).Any())
        {
            findings.Add(new("segments", "A segment cannot be both included and excluded."));
        }

        return findings;
    }

    /// <summary>
    /// The checks that need nothing from the database: list sizes and nulls inside lists. Run before any query,
    /// so that an oversized id list never reaches SQL (SQLite allows 32,766 parameters per statement).
    /// </summary>
    public static List<CampaignFinding> ValidateShape(CampaignDraft draft)
    {
        foreach (var (name, count) in Lists(draft))
        {
            if (count > MaxListItems)
            {
                return [new(name, $"{name} holds at most {MaxListItems} entries; this one has {count}.")];
            }
        }

        for (var i = 0; i < draft.Placements.Count; i++)
        {
            if (draft.Placements[i] is null)
            {
                return [new($"placements[{i}]", "A placement is a name, not null.")];
            }
        }

        return [];
    }

    private static bool CheckBudget(List<CampaignFinding> findings, string field, string which, double budget)
    {
        if (!(budget > 0))
        {
            findings.Add(new(field, $"The {which} budget must be more than 0 (it is {budget.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)})."));
            return false;
        }

        if (budget > MaxBudget)
        {
            findings.Add(new(field, $"A budget is at most {MaxBudget:N0}."));
            return false;
        }

        return true;
    }

    private static IEnumerable<(string Name, int Count)> Lists(CampaignDraft draft) =>
    [
        ("placements", draft.Placements.Count), ("creativeIds", draft.CreativeIds.Count),
        ("includeSegments", draft.IncludeSegments.Count), ("excludeSegments", draft.ExcludeSegments.Count),
    ];
}
