using AdStudio.Core.Infrastructure;
using AdStudio.Core.Shop;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Campaigns;

/// <summary>
/// What campaigns were charged on one shop day, read from the ad events themselves (decision record 6): the rollups
/// are dated by UTC day and lag by up to a rollup run, so they cannot answer "today" in shop time. Serving paces daily
/// budgets with it and the campaign page shows it, so both say the same.
/// </summary>
public static class DailySpend
{
    public static Task<Dictionary<int, double>> ByCampaignAsync(AdStudioDb db, ShopDay day, CancellationToken ct) =>
        ChargedOn(db, day)
            .GroupBy(e => e.CampaignId)
            .Select(g => new { CampaignId = g.Key, Cost = g.Sum(e => e.Cost) })
            .ToDictionaryAsync(x => x.CampaignId, x => x.Cost, ct);

    public static Task<double> OfCampaignAsync(AdStudioDb db, int campaignId, ShopDay day, CancellationToken ct) =>
        ChargedOn(db, day).Where(e => e.CampaignId == campaignId).SumAsync(e => e.Cost, ct);

    private static IQueryable<Events.AdEvent> ChargedOn(AdStudioDb db, ShopDay day)
    {
        var (start, end) = (day.StartsAt, day.EndsAt);
        return db.AdEvents.AsNoTracking().Where(e => e.OccurredAt >= start && e.OccurredAt < end && e.Cost > 0);
    }
}
