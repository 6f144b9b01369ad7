using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Simulation;

/// <summary>A demo campaign; <see cref="IncludeSegment"/> and <see cref="ExcludeSegment"/> name demo segments.</summary>
public sealed record DemoCampaign(
    string Name,
    string Category,
    BidType BidType,
    double Bid,
    double DailyBudget,
    DemoCreative[] Creatives,
    string? IncludeSegment = null,
    string? ExcludeSegment = null,
    bool RunsExperiment = false);
