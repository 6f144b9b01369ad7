using AdStudio.Core.Shop;

namespace AdStudio.Core.Serving;

/// <summary>
/// A placement as the hot path needs it, built once per snapshot: its size, its index in decision ids, and the
/// campaigns that serve in it with at least one creative that fits it, in the snapshot's campaign order.
/// </summary>
public sealed class ServingPlacement(string name, byte index, PlacementSize size, CampaignCandidate[] candidates)
{
    public string Name { get; } = name;

    /// <summary>Position of <see cref="Name"/> in <see cref="ServingSnapshot.PlacementNames"/>; a decision id stores it.</summary>
    public byte Index { get; } = index;

    public PlacementSize Size { get; } = size;

    public CampaignCandidate[] Candidates { get; } = candidates;

    /// <summary>The candidate of one campaign, or null when the campaign cannot show anything here.</summary>
    public CampaignCandidate? CandidateOf(int campaignId) => Array.Find(Candidates, candidate => candidate.Campaign.Id == campaignId);
}
