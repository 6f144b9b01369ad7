using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Reporting;

/// <summary>Reads KPIs from the daily rollups (never from raw events, so it stays fast as history grows).</summary>
public sealed class KpiQuery(IDbContextFactory<AdStudioDb> dbFactory)
{
    /// <param name="from">First day, inclusive.</param>
    /// <param name="to">Last day, inclusive.</param>
    /// <param name="campaignId">Only this campaign; null for all.</param>
    public async Task<KpiReport> GetAsync(DateOnly from, DateOnly to, int? campaignId, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            throw new ArgumentException("The end date is before the start date.", nameof(to));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.DailyRollups.AsNoTracking().Where(r => r.Date >= from && r.Date <= to);
        if (campaignId is { } id)
        {
            rows = rows.Where(r => r.CampaignId == id);
        }

        var perDay = await rows
            .GroupBy(r => r.Date)
            .Select(g => new
            {
                Date = g.Key,
                Impressions = g.Sum(r => r.Impressions),
                Clicks = g.Sum(r => r.Clicks),
                Conversions = g.Sum(r => r.Conversions),
                Cost = g.Sum(r => r.Cost),
                Revenue = g.Sum(r => r.Revenue),
            })
            .ToDictionaryAsync(x => x.Date, x => new RollupTotals(x.Impressions, x.Clicks, x.Conversions, x.Cost, x.Revenue), cancellationToken);

        var days = new List<DailyKpis>(to.DayNumber - from.DayNumber + 1);
        var total = default(RollupTotals);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var totals = perDay.GetValueOrDefault(day);
            total += totals;
            days.Add(new DailyKpis(day, Kpis.From(totals)));
        }

        return new KpiReport(from, to, Kpis.From(total), days);
    }
}
