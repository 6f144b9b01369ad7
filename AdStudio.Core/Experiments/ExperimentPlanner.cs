using AdStudio.Core.Events;
using AdStudio.Core.Experiments.Stats;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Experiments;

/// <summary>Reads a campaign's recent traffic, so a plan can say how many days a sample takes.</summary>
public sealed class ExperimentPlanner(IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock)
{
    /// <summary>The window of recent traffic a plan is based on.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    /// <summary>Distinct shoppers shown the campaign per day and the share of them who converted, over the last two weeks.</summary>
    public async Task<CampaignTraffic> RecentTrafficAsync(int campaignId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = db.AdEvents.AsNoTracking().Where(e => e.CampaignId == campaignId && e.OccurredAt >= since);
        var exposed = await events.Where(e => e.Type == AdEventType.Impression).Select(e => e.ShopperId).Distinct().CountAsync(ct);
        var converted = await events.Where(e => e.Type == AdEventType.Conversion).Select(e => e.ShopperId).Distinct().CountAsync(ct);
        return new CampaignTraffic(exposed / Window.TotalDays, exposed > 0 ? (double)converted / exposed : 0);
    }

    public static SampleSizePlan Plan(CampaignTraffic traffic, double baselineRate, double minimumDetectableEffect, double alpha, double power, int variants) =>
        SampleSizePlan.For(baselineRate, minimumDetectableEffect, alpha, power, variants, traffic.ShoppersPerDay);
}
