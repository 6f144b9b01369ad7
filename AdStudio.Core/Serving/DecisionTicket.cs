using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Serving;

/// <summary>
/// What a decision id carries: enough to attribute and charge later events without a database lookup,
/// so any node can accept events for decisions made by any other.
/// </summary>
public readonly record struct DecisionTicket(
    long IssuedAtUnixSeconds,
    int CampaignId,
    int CreativeId,
    int ExperimentId,
    int VariantId,
    BidType BidType,
    long BidMicros,
    byte PlacementIndex,
    ulong Nonce)
{
    public DateTime IssuedAt => DateTimeOffset.FromUnixTimeSeconds(IssuedAtUnixSeconds).UtcDateTime;

    public double Bid => BidMicros / 1_000_000.0;

    public int? ExperimentIdOrNull => ExperimentId == 0 ? null : ExperimentId;

    public int? VariantIdOrNull => VariantId == 0 ? null : VariantId;
}
