namespace AdStudio.Core.Reporting;

/// <summary>Counts and money of a rollup cell; mergeable by addition.</summary>
public readonly record struct RollupTotals(long Impressions, long Clicks, long Conversions, double Cost, double Revenue)
{
    public static RollupTotals operator +(RollupTotals a, RollupTotals b) => new(
        a.Impressions + b.Impressions,
        a.Clicks + b.Clicks,
        a.Conversions + b.Conversions,
        a.Cost + b.Cost,
        a.Revenue + b.Revenue);
}
