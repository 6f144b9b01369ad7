using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Serving;

/// <summary>
/// What a decision id carries: enough to attribute and charge later events without a database lookup,
/// so any node can accept events for decisions made by any other. A decision outside any experiment carries
/// <see cref="NoExperiment"/> and <see cref="NoVariant"/>: database ids start at 1, and the wire format keeps a fixed-width int.
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
    /// <summary>The <see cref="ExperimentId"/> of a decision outside any experiment.</summary>
    public const int NoExperiment = 0;

    /// <summary>The <see cref="VariantId"/> of a decision outside any experiment.</summary>
    public const int NoVariant = 0;

    public DateTime IssuedAt => DateTimeOffset.FromUnixTimeSeconds(IssuedAtUnixSeconds).UtcDateTime;

    public double Bid => BidMicros / 1_000_000.0;

    public int? ExperimentIdOrNull => ExperimentId == NoExperiment ? null : ExperimentId;

    public int? VariantIdOrNull => VariantId == NoVariant ? null : VariantId;
}
