using System.Collections.Frozen;
using AdStudio.Core.Shop;

namespace AdStudio.Core.Serving;

/// <summary>
/// Everything <c>/serve</c> needs, immutable and swapped whole when it changes, so the hot path reads
/// it without locks or database calls.
/// </summary>
public sealed class ServingSnapshot(
    DateTime builtAt,
    IReadOnlyList<ServingCampaign> campaigns,
    FrozenDictionary<string, PlacementSize> placements,
    FrozenDictionary<string, int[]> segmentsByShopper,
    TimeZoneInfo? timeZone = null,
    FrozenDictionary<(string Shopper, int Campaign), int>? impressionsToday = null,
    FrozenDictionary<string, ShopperTraits>? traits = null,
    Modeling.Scoring.ServingModels? models = null)
{
    private static readonly int[] NoSegments = [];
    private readonly FrozenDictionary<(string Shopper, int Campaign), int> _impressionsToday =
        impressionsToday ?? FrozenDictionary<(string Shopper, int Campaign), int>.Empty;
    private readonly FrozenDictionary<string, ShopperTraits> _traits = traits ?? FrozenDictionary<string, ShopperTraits>.Empty;

    public static ServingSnapshot Empty { get; } = new(
        DateTime.MinValue, [], FrozenDictionary<string, PlacementSize>.Empty, FrozenDictionary<string, int[]>.Empty);

    public DateTime BuiltAt { get; } = builtAt;

    /// <summary>Order of the build that made it (taken when the build started): a holder never swaps a lower one over a higher one. 0 for <see cref="Empty"/>.</summary>
    public long Version { get; init; }

    /// <summary>The shop's time zone, for dayparting and "per day" frequency caps.</summary>
    public TimeZoneInfo TimeZone { get; } = timeZone ?? TimeZoneInfo.Utc;

    /// <summary>The shop day the snapshot was built on, computed once: its impression counts and today's spend count from its start (decision record 6).</summary>
    public ShopDay ShopDay { get; } = ShopDay.Containing(builtAt, timeZone ?? TimeZoneInfo.Utc);

    /// <summary>The shop-local day the impression counts and today's spend were taken on.</summary>
    public DateOnly Day => ShopDay.Day;

    public IReadOnlyList<ServingCampaign> Campaigns { get; } = campaigns;

    /// <summary>The active click and conversion models with the shoppers' features; <see cref="Modeling.Scoring.ServingModels.None"/> before any training.</summary>
    public Modeling.Scoring.ServingModels Models { get; } = models ?? Modeling.Scoring.ServingModels.None;

    public FrozenDictionary<string, PlacementSize> Placements { get; } = placements;

    /// <summary>Placement names in a fixed order; a decision id stores the index.</summary>
    public string[] PlacementNames { get; } = [.. placements.Keys.Order(StringComparer.Ordinal)];

    private readonly FrozenDictionary<string, ServingPlacement> _servingPlacements = BuildPlacements(placements, campaigns);

    /// <summary>The placement with its fitting candidates, or null for a name the shop does not have.</summary>
    public ServingPlacement? PlacementNamed(string name) => _servingPlacements.GetValueOrDefault(name);

    /// <summary>Sorted segment ids the shopper belongs to; empty for a new visitor.</summary>
    public int[] SegmentsOf(string shopperId) =>
        segmentsByShopper.TryGetValue(shopperId, out var segments) ? segments : NoSegments;

    public int ShoppersWithSegments => segmentsByShopper.Count;

    /// <summary>Impressions of the campaign the shopper had seen today when the snapshot was built.</summary>
    public int ImpressionsToday(string shopperId, int campaignId) => _impressionsToday.GetValueOrDefault((shopperId, campaignId));

    /// <summary>What copy templates may say about the shopper; empty for a new visitor.</summary>
    public ShopperTraits TraitsOf(string shopperId) => _traits.GetValueOrDefault(shopperId) ?? ShopperTraits.Unknown;

    /// <summary>Hour of the week in shop time, 0 = Monday 00:00.</summary>
    public (int HourOfWeek, DateOnly Day) LocalTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZone);
        return ((((int)local.DayOfWeek + 6) % 7 * 24) + local.Hour, DateOnly.FromDateTime(local));
    }

    private static FrozenDictionary<string, ServingPlacement> BuildPlacements(FrozenDictionary<string, PlacementSize> placements, IReadOnlyList<ServingCampaign> campaigns)
    {
        var names = placements.Keys.Order(StringComparer.Ordinal).ToArray();
        return names.Select((name, index) => new ServingPlacement(
                name,
                (byte)index,
                placements[name],
                [.. campaigns.Where(campaign => campaign.ServesIn(name)).Select(campaign => new CampaignCandidate(campaign, placements[name])).Where(candidate => candidate.Fitting.Length > 0)]))
            .ToFrozenDictionary(placement => placement.Name, StringComparer.Ordinal);
    }

    private FrozenDictionary<int, ServingCreative> CreativesById { get; } = campaigns
        .SelectMany(c => c.Creatives)
        .DistinctBy(c => c.Id)
        .ToFrozenDictionary(c => c.Id);

    /// <summary>
    /// This snapshot without anything about <paramref name="shopperId"/> (segments, today's impressions, traits, model
    /// features), same version and build time: an erasure takes effect on serving at once, not at the next refresh.
    /// </summary>
    /// <returns>The copy, and how many entries were dropped.</returns>
    public (ServingSnapshot Snapshot, int Removed) Without(string shopperId)
    {
        var removed = (segmentsByShopper.ContainsKey(shopperId) ? 1 : 0) + (_traits.ContainsKey(shopperId) ? 1 : 0);
        var impressions = _impressionsToday.Where(p => !string.Equals(p.Key.Shopper, shopperId, StringComparison.Ordinal)).ToFrozenDictionary();
        removed += _impressionsToday.Count - impressions.Count;
        var (models, features) = Models.Without(shopperId);
        if (removed + features == 0)
        {
            return (this, 0);
        }

        var copy = new ServingSnapshot(
            BuiltAt,
            Campaigns,
            Placements,
            segmentsByShopper.Where(p => !string.Equals(p.Key, shopperId, StringComparison.Ordinal)).ToFrozenDictionary(StringComparer.Ordinal),
            TimeZone,
            impressions,
            _traits.Where(p => !string.Equals(p.Key, shopperId, StringComparison.Ordinal)).ToFrozenDictionary(StringComparer.Ordinal),
            models)
        {
            Version = Version,
        };
        return (copy, removed + features);
    }

    /// <summary>A creative of an active campaign, or null.</summary>
    public ServingCreative? FindCreative(int creativeId) => CreativesById.GetValueOrDefault(creativeId);
}
