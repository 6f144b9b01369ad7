using System.Collections.Frozen;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;

namespace AdStudio.Tests.Core.Serving;

/// <summary>Hand-built serving snapshots for decision tests.</summary>
internal static class SnapshotFactory
{
    public static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    public static ServingCreative Creative(int id, double ctr, int width = 300, int height = 250) =>
        new(id, $"Headline {id}", $"/demo/{id}.png", "https://shop.example/landing", "Electronics", width, height, ctr);

    public static ServingCampaign Campaign(
        int id,
        double bid,
        ServingCreative[] creatives,
        BidType bidType = BidType.Cpc,
        double spentToday = 0,
        double spentTotal = 0,
        DateTime? startsAt = null,
        DateTime? endsAt = null,
        string[]? placements = null,
        int[]? include = null,
        int[]? exclude = null,
        ServingExperiment? experiment = null,
        bool[]? hours = null,
        int? cap = null) =>
        new(id, bidType, bid, DailyBudget: 100, TotalBudget: 1000, spentToday, spentTotal,
            startsAt ?? Now.AddDays(-10), endsAt, placements ?? [], include ?? [], exclude ?? [],
            creatives, experiment, SmoothedCvr: 0.1, hours, cap);

    public static ServingSnapshot Snapshot(
        IReadOnlyList<ServingCampaign> campaigns,
        Dictionary<string, int[]>? segments = null,
        Dictionary<(string, int), int>? impressionsToday = null,
        TimeZoneInfo? timeZone = null) =>
        new(Now, campaigns,
            new Dictionary<string, PlacementSize>
            {
                ["sidebar"] = new() { Width = 300, Height = 250 },
                ["leaderboard"] = new() { Width = 728, Height = 90 },
            }.ToFrozenDictionary(),
            (segments ?? []).ToFrozenDictionary(),
            timeZone,
            (impressionsToday ?? []).ToFrozenDictionary());
}
