using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Serving;

/// <summary>Makes a decision against a snapshot and issues its signed decision id.</summary>
public sealed class AdServer(DecisionEngine engine, DecisionTokenCodec codec, FrequencyCounter? frequency = null, NonceSource? nonces = null)
{
    private readonly NonceSource _nonces = nonces ?? NonceSource.Cryptographic;

    public DecisionTokenCodec Codec => codec;

    /// <summary>Live impression counts for frequency caps; null where caps rely on the snapshot alone.</summary>
    public FrequencyCounter? Frequency => frequency;

    /// <summary>The same decisioning with its own impression counts (for a simulation that must not touch live ones).</summary>
    public AdServer WithCounter(FrequencyCounter counter) => new(engine, codec, counter, _nonces);

    /// <summary>The same decisioning with decision-id nonces from <paramref name="source"/> (a seeded simulation).</summary>
    public AdServer WithNonces(NonceSource source) => new(engine, codec, frequency, source);

    /// <summary>Null when no campaign is eligible for the shopper in this placement.</summary>
    /// <param name="random">Draws exploration only; nonces come from the server's <see cref="NonceSource"/>.</param>
    public ServedAd? Serve(ServingSnapshot snapshot, string shopperId, string placement, DateTime now, Random random)
    {
        var decision = engine.Decide(snapshot, shopperId, placement, now, random, frequency);
        if (decision is null)
        {
            return null;
        }

        var ticket = new DecisionTicket(
            new DateTimeOffset(now).ToUnixTimeSeconds(),
            decision.Campaign.Id,
            decision.Creative.Id,
            decision.Experiment?.Id ?? DecisionTicket.NoExperiment,
            decision.VariantId,
            decision.Campaign.BidType,
            (long)Math.Round(Billing.ChargedBid(decision.Campaign.BidType, decision.Campaign.Bid, decision.ConversionRate) * 1_000_000),
            snapshot.PlacementNamed(placement)!.Index,
            _nonces.NextNonce());
        return new ServedAd(decision, codec.Encode(ticket, shopperId), ticket, placement);
    }
}
