namespace AdStudio.Web.Components.Charts;

/// <summary>
/// Below these denominators a daily rate is mostly noise (1 click in 12 impressions is not an 8 % CTR),
/// so charts leave such points out and say how many they left out.
/// </summary>
public static class MinimumVolume
{
    /// <summary>Fewest impressions on a day for its CTR to be drawn.</summary>
    public const int ImpressionsForCtr = 100;

    /// <summary>Fewest clicks on a day for its CVR (per click) and its ROI to be drawn (revenue comes from those clicks' conversions).</summary>
    public const int ClicksForCvr = 20;
}
