namespace AdStudio.Web.Components.Common;

/// <summary>The names and definitions of the ad KPIs, so every page words them alike (issue 13: one meaning per name).</summary>
public static class KpiDefinitions
{
    /// <summary>Conversions per click; experiments report "Shopper conversion" (per exposed shopper) instead.</summary>
    public const string CvrName = "CVR (per click)";

    public const string Cvr = "Conversions ÷ clicks: of the clicks on the ad, the share that led to a conversion.";

    public const string Ctr = "Clicks ÷ impressions.";

    public const string Roi = "(Revenue − spend) ÷ spend.";

    public const string Roas = "Revenue ÷ spend.";

    public const string Cpa = "Spend ÷ conversions.";
}
