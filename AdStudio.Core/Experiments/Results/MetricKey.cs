namespace AdStudio.Core.Experiments.Results;

/// <summary>The metrics every experiment reports; the shopper is the unit of analysis for all of them.</summary>
public static class MetricKey
{
    /// <summary>Share of exposed shoppers who converted at least once.</summary>
    public const string ConversionRate = "conversion_rate";

    /// <summary>Clicks ÷ impressions, summed over shoppers (a ratio metric).</summary>
    public const string Ctr = "ctr";

    /// <summary>Revenue per exposed shopper (a mean; CUPED with pre-experiment spend).</summary>
    public const string RevenuePerShopper = "revenue_per_shopper";

    /// <summary>(Revenue − cost) ÷ cost, summed over shoppers (a ratio metric).</summary>
    public const string Roi = "roi";

    public static string Label(string key) => key switch
    {
        ConversionRate => "Conversion rate",
        Ctr => "CTR",
        RevenuePerShopper => "Revenue per shopper",
        Roi => "ROI",
        _ => key,
    };
}
