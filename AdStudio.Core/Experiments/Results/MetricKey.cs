using AdStudio.Core.Campaigns;
using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Core.Experiments.Results;

/// <summary>The metrics every experiment reports; the shopper is the unit of analysis for all of them.</summary>
public static class MetricKey
{
    /// <summary>Shopper conversion: share of exposed shoppers who converted at least once.</summary>
    public const string ConversionRate = "conversion_rate";

    /// <summary>Clicks ÷ impressions, summed over shoppers (a ratio metric).</summary>
    public const string Ctr = "ctr";

    /// <summary>Revenue per exposed shopper (a mean; CUPED with pre-experiment spend).</summary>
    public const string RevenuePerShopper = "revenue_per_shopper";

    /// <summary>(Revenue − cost) ÷ cost, summed over shoppers (a ratio metric).</summary>
    public const string Roi = "roi";

    /// <summary>Every key, in the order the results list them.</summary>
    public static IReadOnlyList<string> All { get; } = [ConversionRate, Ctr, RevenuePerShopper, Roi];

    public static bool IsKnown(string? key) => key is not null && All.Contains(key, StringComparer.Ordinal);

    /// <summary>The primary metric that fits what the campaign is for: clicks → CTR, conversions → shopper conversion, revenue → revenue per shopper.</summary>
    public static string DefaultFor(CampaignObjective objective) => objective switch
    {
        CampaignObjective.Conversions => ConversionRate,
        CampaignObjective.Revenue => RevenuePerShopper,
        _ => Ctr,
    };

    public static string Label(string key) => key switch
    {
        ConversionRate => "Shopper conversion",
        Ctr => "CTR",
        RevenuePerShopper => "Revenue per shopper",
        Roi => "ROI",
        _ => key,
    };

    /// <summary>What the metric measures, for tooltips and captions.</summary>
    public static string Definition(string key) => key switch
    {
        ConversionRate => "Converting shoppers ÷ exposed shoppers.",
        Ctr => "Clicks ÷ impressions.",
        RevenuePerShopper => "Revenue ÷ exposed shoppers.",
        Roi => "(Revenue − spend) ÷ spend.",
        _ => "",
    };

    /// <summary>
    /// How a treatment's lift is reported: relative for counts and means, but an absolute difference (percentage points)
    /// for ROI, whose relative lift is meaningless near zero and changes sign with the control's.
    /// </summary>
    public static DifferenceType LiftType(string key) => key == Roi ? DifferenceType.Absolute : DifferenceType.Relative;
}
