namespace AdStudio.Core.Reporting;

/// <summary>Ad outcomes over a period with the rates derived from them; rates are null when undefined.</summary>
public sealed record Kpis(long Impressions, long Clicks, long Conversions, double Spend, double Revenue)
{
    public static Kpis From(RollupTotals totals) => new(totals.Impressions, totals.Clicks, totals.Conversions, totals.Cost, totals.Revenue);

    /// <summary>Clicks per impression.</summary>
    public double? Ctr => Impressions > 0 ? (double)Clicks / Impressions : null;

    /// <summary>Conversions per click.</summary>
    public double? Cvr => Clicks > 0 ? (double)Conversions / Clicks : null;

    /// <summary>Return on ad spend as profit over spend: (revenue − spend) ÷ spend.</summary>
    public double? Roi => Spend > 0 ? (Revenue - Spend) / Spend : null;
}
