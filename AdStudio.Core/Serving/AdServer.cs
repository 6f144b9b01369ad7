using System.Security.Cryptography;
using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Serving;

/// <summary>Makes a decision against a snapshot and issues its signed decision id.</summary>
public sealed class AdServer(DecisionEngine engine, DecisionTokenCodec codec, FrequencyCounter? frequency = null)
{
    public DecisionTokenCodec Codec => codec;

    /// <summary>Live impression counts for frequency caps; null where caps rely on the snapshot alone.</summary>
    public FrequencyCounter? Frequency => frequency;

    /// <summary>The same decisioning with its own impression counts (for a simulation that must not touch live ones).</summary>
    public AdServer WithCounter(FrequencyCounter counter) => new(engine, codec, counter);

    /// <summary>Null when no campaign is eligible for the shopper in this placement.</summary>
    public ServedAd? Serve(ServingSnapshot snapshot, string shopperId, string placement, DateTime now, Random random)
    {
        var decision = engine.Decide(snapshot, shopperId, placement, now, random, frequency);
        if (decision is null)
        {
            return null;
        }

        var placementIndex = Array.IndexOf(snapshot.PlacementNames, placement);
        var ticket = new DecisionTicket(
            new DateTimeOffset(now).ToUnixTimeSeconds(),
            decision.Campaign.Id,
            decision.Creative.Id,
            decision.Experiment?.Id ?? 0,
            decision.VariantId,
            decision.Campaign.BidType,
            (long)Math.Round(Billing.ChargedBid(decision.Campaign.BidType, decision.Campaign.Bid, decision.ConversionRate) * 1_000_000),
            (byte)Math.Max(placementIndex, 0),
            NextNonce(random));
        return new ServedAd(decision, codec.Encode(ticket, shopperId), ticket, placement);
    }

    // Live traffic uses a cryptographic nonce; seeded simulations stay repeatable with their own Random.
    private static ulong NextNonce(Random random) =>
        ReferenceEquals(random, Random.Shared)
            ? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8))
            : (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
}
