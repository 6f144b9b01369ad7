using AdStudio.Core.Creatives;

namespace AdStudio.Core.Campaigns;

/// <summary>A paid effort to show creatives to an audience, under a bid, budgets, a schedule and a frequency cap.</summary>
public sealed class Campaign
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public CampaignStatus Status { get; set; }

    public CampaignObjective Objective { get; set; }

    public BidType BidType { get; set; }

    /// <summary>Bid in the shop's currency: per thousand impressions (CPM), per click (CPC) or per conversion (CPA).</summary>
    public double Bid { get; set; }

    public double DailyBudget { get; set; }

    public double TotalBudget { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    /// <summary>Most impressions one shopper may see per day; null for no cap.</summary>
    public int? FrequencyCapPerDay { get; set; }

    /// <summary>
    /// Hours of the week the campaign may serve, in the shop's time zone: 168 characters '1' or '0', Monday
    /// 00:00 first; empty for every hour.
    /// </summary>
    public string Dayparting { get; set; } = "";

    /// <summary>Placement names the campaign may appear in, comma separated; empty for all.</summary>
    public string Placements { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public List<CampaignTarget> Targets { get; set; } = [];

    public List<Creative> Creatives { get; set; } = [];
}
