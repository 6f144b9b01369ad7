using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Serving;

/// <summary>Decisioning settings (section <c>Serving</c>); the placements and time zone it serves in are shop settings (<see cref="Shop.ShopOptions"/>).</summary>
public sealed class ServingOptions
{
    public const string SectionName = "Serving";

    /// <summary>Share of requests that show a random eligible campaign instead of the best, so new ads earn data.</summary>
    [Range(0.0, 1.0)]
    public double ExplorationRate { get; set; } = 0.05;

    /// <summary>Weight, in impressions, of the shop-wide rate when smoothing a creative's CTR (and clicks, for CVR).</summary>
    [Range(0.0, 1_000_000.0)]
    public double PriorStrength { get; set; } = 200;

    /// <summary>How often the in-memory serving snapshot is rebuilt from the database.</summary>
    [Range(1, 3600)]
    public int SnapshotRefreshSeconds { get; set; } = 10;

    /// <summary>Secret that signs decision ids; when empty a random key is kept in the data folder.</summary>
    public string? DecisionSigningKey { get; set; }

    /// <summary>Secrets that signed decision ids before a rotation; ids they signed are still accepted (at most 8).</summary>
    [MaxLength(8)]
    public List<string> PreviousDecisionSigningKeys { get; set; } = [];

    /// <summary>Days after its decision that an impression, click or conversion is still attributed and charged.</summary>
    [Range(1, 365)]
    public int AttributionWindowDays { get; set; } = 7;

    /// <summary>How far clocks may disagree when judging a decision's age and an event's timestamp against it.</summary>
    [Range(0, 3600)]
    public int ClockSkewSeconds { get; set; } = 300;
}
