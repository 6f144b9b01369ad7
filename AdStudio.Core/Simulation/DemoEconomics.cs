using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Simulation;

/// <summary>
/// What a campaign (or the whole shop) bought and earned, summed from the daily rollups, with the rates a
/// marketer reads: CTR = clicks ÷ impressions, CVR (per click) = conversions ÷ clicks, ROAS = revenue ÷ spend,
/// ROI = (revenue − spend) ÷ spend, CPC = spend ÷ clicks, CPM = spend ÷ impressions × 1000.
/// Used to calibrate and check the demo's economics (docs/simulator.md).
/// </summary>
public sealed record DemoEconomics(string Name, long Impressions, long Clicks, long Conversions, double Spend, double Revenue)
{
    public double Ctr => Ratio(Clicks, Impressions);

    public double Cvr => Ratio(Conversions, Clicks);

    public double Roas => Ratio(Revenue, Spend);

    public double Roi => Ratio(Revenue - Spend, Spend);

    public double Cpc => Ratio(Spend, Clicks);

    public double Cpm => Ratio(Spend * 1000, Impressions);

    /// <summary>The shop's total followed by one line per campaign (by name), from every rollup in the database.</summary>
    public static async Task<IReadOnlyList<DemoEconomics>> MeasureAsync(AdStudioDb db, CancellationToken ct)
    {
        var names = await db.Campaigns.ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var rows = await db.DailyRollups
            .GroupBy(r => r.CampaignId)
            .Select(g => new
            {
                g.Key,
                Impressions = g.Sum(r => r.Impressions),
                Clicks = g.Sum(r => r.Clicks),
                Conversions = g.Sum(r => r.Conversions),
                Spend = g.Sum(r => r.Cost),
                Revenue = g.Sum(r => r.Revenue),
            })
            .ToListAsync(ct);
        var campaigns = rows
            .Select(r => new DemoEconomics(names.GetValueOrDefault(r.Key, $"campaign {r.Key}"), r.Impressions, r.Clicks, r.Conversions, r.Spend, r.Revenue))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var total = new DemoEconomics(
            "All campaigns",
            campaigns.Sum(c => c.Impressions),
            campaigns.Sum(c => c.Clicks),
            campaigns.Sum(c => c.Conversions),
            campaigns.Sum(c => c.Spend),
            campaigns.Sum(c => c.Revenue));
        return [total, .. campaigns];
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
}
