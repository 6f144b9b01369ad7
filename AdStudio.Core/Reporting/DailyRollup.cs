namespace AdStudio.Core.Reporting;

/// <summary>
/// Ad outcomes of one day for one campaign × creative × experiment variant (0 when outside an experiment).
/// Maintained as events arrive and rebuilt by the rollup step; dashboards read only this table.
/// </summary>
public sealed class DailyRollup
{
    public DateOnly Date { get; set; }

    public int CampaignId { get; set; }

    public int CreativeId { get; set; }

    public int VariantId { get; set; }

    public long Impressions { get; set; }

    public long Clicks { get; set; }

    public long Conversions { get; set; }

    public double Cost { get; set; }

    public double Revenue { get; set; }
}
