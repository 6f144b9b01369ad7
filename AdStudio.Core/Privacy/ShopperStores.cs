namespace AdStudio.Core.Privacy;

/// <summary>The names of the in-memory structures an erasure clears, as counts and the request log show them.</summary>
public static class ShopperStores
{
    /// <summary>The serving snapshot: segment membership, copy traits, today's impressions and model features.</summary>
    public const string ServingSnapshot = "ServingSnapshot";

    /// <summary>The audience index segment rules are counted against.</summary>
    public const string AudienceIndex = "AudienceIndex";

    /// <summary>This node's frequency-cap counters since the last snapshot.</summary>
    public const string FrequencyCounters = "FrequencyCounters";
}
