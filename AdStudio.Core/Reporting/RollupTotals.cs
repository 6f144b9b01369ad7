namespace AdStudio.Core.Reporting;

/// <summary>Counts and money of a rollup cell; mergeable by addition.</summary>
public readonly record struct RollupTotals(long Impressions, long Clicks, long Conversions, double Cost, double Revenue)
{
    public static RollupTotals operator +(RollupTotals left, RollupTotals right) => new(
        left.Impressions + right.Impressions,
        left.Clicks + right.Clicks,
        left.Conversions + right.Conversions,
        left.Cost + right.Cost,
        left.Revenue + right.Revenue);
}
