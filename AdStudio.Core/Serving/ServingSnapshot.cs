using System.Collections.Frozen;

namespace AdStudio.Core.Serving;

/// <summary>
/// Everything <c>/serve</c> needs, immutable and swapped whole when it changes, so the hot path reads
/// it without locks or database calls.
/// </summary>
public sealed class ServingSnapshot(
    DateTime builtAt,
    IReadOnlyList<ServingCampaign> campaigns,
    FrozenDictionary<string, PlacementSize> placements,
    FrozenDictionary<string, int[]> segmentsByShopper)
{
    private static readonly int[] NoSegments = [];

    public static ServingSnapshot Empty { get; } = new(
        DateTime.MinValue, [], FrozenDictionary<string, PlacementSize>.Empty, FrozenDictionary<string, int[]>.Empty);

    public DateTime BuiltAt { get; } = builtAt;

    public IReadOnlyList<ServingCampaign> Campaigns { get; } = campaigns;

    public FrozenDictionary<string, PlacementSize> Placements { get; } = placements;

    /// <summary>Placement names in a fixed order; a decision id stores the index.</summary>
    public string[] PlacementNames { get; } = [.. placements.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Sorted segment ids the shopper belongs to; empty for a new visitor.</summary>
    public int[] SegmentsOf(string shopperId) =>
        segmentsByShopper.TryGetValue(shopperId, out var segments) ? segments : NoSegments;

    public int ShoppersWithSegments => segmentsByShopper.Count;

    private FrozenDictionary<int, ServingCreative> CreativesById { get; } = campaigns
        .SelectMany(c => c.Creatives)
        .DistinctBy(c => c.Id)
        .ToFrozenDictionary(c => c.Id);

    /// <summary>A creative of an active campaign, or null.</summary>
    public ServingCreative? FindCreative(int creativeId) => CreativesById.GetValueOrDefault(creativeId);
}
