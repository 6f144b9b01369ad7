using System.Collections.Frozen;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Experiments;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Privacy;
using AdStudio.Core.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Serving;

/// <summary>Reads campaigns, creatives, rollups, experiments and segment membership into a <see cref="ServingSnapshot"/>.</summary>
/// <remarks>With a model loader, the snapshot also carries the active click and conversion models (hot-swapped with it).</remarks>
public sealed class SnapshotBuilder(IDbContextFactory<AdStudioDb> dbFactory, IOptions<ServingOptions> options, IOptions<ShopOptions> shop, ActiveModelLoader? models = null) : ISnapshotSource
{
    // Used before any ad history exists, so the first decisions rank by bid alone.
    private const double DefaultClickRate = 0.01;
    private const double DefaultConversionRate = 0.05;

    private long _lastVersion;

    /// <summary>Reads everything serving needs as of <paramref name="now"/>; the snapshot's <see cref="ServingSnapshot.Version"/> is taken as the build starts.</summary>
    public async Task<ServingSnapshot> BuildAsync(DateTime now, CancellationToken cancellationToken)
    {
        var version = Interlocked.Increment(ref _lastVersion);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var timeZone = shop.Value.FindTimeZone();
        // Computed once: today's spend and today's impressions both count from the shop's midnight (decision record 6).
        var shopDay = ShopDay.Containing(now, timeZone);
        var priorStrength = options.Value.PriorStrength;

        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Active)
            .Include(c => c.Creatives.Where(cr => cr.Status == CreativeStatus.Approved))
            .Include(c => c.Targets)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var byCreative = await db.DailyRollups.AsNoTracking()
            .GroupBy(r => r.CreativeId)
            .Select(g => new { CreativeId = g.Key, Impressions = g.Sum(r => r.Impressions), Clicks = g.Sum(r => r.Clicks) })
            .ToDictionaryAsync(x => x.CreativeId, cancellationToken);
        var byCampaign = await db.DailyRollups.AsNoTracking()
            .GroupBy(r => r.CampaignId)
            .Select(g => new
            {
                CampaignId = g.Key,
                Clicks = g.Sum(r => r.Clicks),
                Conversions = g.Sum(r => r.Conversions),
                Spent = g.Sum(r => r.Cost),
            })
            .ToDictionaryAsync(x => x.CampaignId, cancellationToken);
        var spentToday = await DailySpend.ByCampaignAsync(db, shopDay, cancellationToken);

        var impressions = byCreative.Values.Sum(x => x.Impressions);
        var clicks = byCreative.Values.Sum(x => x.Clicks);
        var conversions = byCampaign.Values.Sum(x => x.Conversions);
        var ctrPrior = impressions > 0 ? (double)clicks / impressions : DefaultClickRate;
        var cvrPrior = clicks > 0 ? (double)conversions / clicks : DefaultConversionRate;

        var experiments = await LoadRunningExperimentsAsync(db, cancellationToken);

        var serving = new List<ServingCampaign>(campaigns.Count);
        foreach (var c in campaigns)
        {
            var creatives = c.Creatives
                .Select(cr =>
                {
                    var stats = byCreative.GetValueOrDefault(cr.Id);
                    // A click whose impression never arrived (a blocked pixel) still counts as a trial, as in training.
                    var clicks = stats?.Clicks ?? 0;
                    var ctr = RateSmoothing.SmoothedRate(clicks, Math.Max(stats?.Impressions ?? 0, clicks), ctrPrior, priorStrength);
                    return new ServingCreative(cr.Id, cr.Headline, cr.ImageUrl, cr.LandingUrl, cr.Category, cr.Width, cr.Height, ctr, cr.Body, cr.CallToAction, cr.Discount);
                })
                .ToArray();
            if (creatives.Length == 0)
            {
                continue;
            }

            var totals = byCampaign.GetValueOrDefault(c.Id);
            var cvr = RateSmoothing.SmoothedRate(totals?.Conversions ?? 0, Math.Max(totals?.Clicks ?? 0, totals?.Conversions ?? 0), cvrPrior, priorStrength);
            serving.Add(new ServingCampaign(
                c.Id,
                c.BidType,
                c.Bid,
                c.DailyBudget,
                c.TotalBudget,
                spentToday.GetValueOrDefault(c.Id),
                totals?.Spent ?? 0,
                c.StartsAt,
                c.EndsAt,
                SplitPlacements(c.Placements),
                [.. c.Targets.Where(t => !t.Exclude).Select(t => t.SegmentId).Order()],
                [.. c.Targets.Where(t => t.Exclude).Select(t => t.SegmentId).Order()],
                creatives,
                experiments.GetValueOrDefault(c.Id),
                cvr,
                Dayparting.Parse(c.Dayparting),
                c.FrequencyCapPerDay));
        }

        // A shopper who withdrew personalisation is served as a new visitor from this snapshot on, even before their rows are deleted.
        var withdrawn = ConsentQueries.WithoutPersonalisation(db);
        var members = await db.SegmentMembers.AsNoTracking()
            .Join(db.Segments.Where(s => !s.IsArchived), m => m.SegmentId, s => s.Id, (m, s) => m)
            .Where(m => !withdrawn.Contains(m.ShopperId))
            .Select(m => new { m.ShopperId, m.SegmentId })
            .ToListAsync(cancellationToken);
        var segmentsByShopper = members
            .GroupBy(m => m.ShopperId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(m => m.SegmentId).Order().ToArray(), StringComparer.Ordinal);

        var capped = serving.Where(c => c.FrequencyCapPerDay is not null).Select(c => c.Id).ToList();
        return new ServingSnapshot(
            now,
            serving,
            shop.Value.Placements.ToFrozenDictionary(StringComparer.Ordinal),
            segmentsByShopper,
            timeZone,
            await ImpressionsTodayAsync(db, capped, shopDay, cancellationToken),
            await TraitsAsync(db, cancellationToken),
            models is null ? null : await models.LoadAsync(db, cancellationToken))
        {
            Version = version,
        };
    }

    private static async Task<Dictionary<int, ServingExperiment>> LoadRunningExperimentsAsync(AdStudioDb db, CancellationToken ct)
    {
        var running = await db.Experiments.AsNoTracking()
            .Where(e => e.Status == ExperimentStatus.Running)
            .Include(e => e.Variants)
            .ToListAsync(ct);
        var result = new Dictionary<int, ServingExperiment>();
        foreach (var e in running.Where(e => e.Variants.Count > 0).OrderBy(e => e.Id))
        {
            // One running experiment per campaign; the oldest wins if data ever says otherwise.
            var variants = e.Variants.OrderByDescending(v => v.IsControl).ThenBy(v => v.Id).ToArray();
            result.TryAdd(e.CampaignId, new ServingExperiment(
                e.Id,
                [.. variants.Select(v => v.Id)],
                [.. variants.Select(v => v.CreativeId)],
                [.. variants.Select(v => v.Weight)]));
        }

        return result;
    }

    /// <summary>Today's impressions (shop time) per shopper of the campaigns that have a frequency cap.</summary>
    private static async Task<FrozenDictionary<(string Shopper, int Campaign), int>> ImpressionsTodayAsync(
        AdStudioDb db, List<int> cappedCampaigns, ShopDay shopDay, CancellationToken ct)
    {
        if (cappedCampaigns.Count == 0)
        {
            return FrozenDictionary<(string Shopper, int Campaign), int>.Empty;
        }

        var dayStart = shopDay.StartsAt;
        var counts = await db.AdEvents.AsNoTracking()
            .Where(e => e.Type == Events.AdEventType.Impression && e.OccurredAt >= dayStart && cappedCampaigns.Contains(e.CampaignId) && e.ShopperId != null)
            .GroupBy(e => new { ShopperId = e.ShopperId!, e.CampaignId })
            .Select(g => new { g.Key.ShopperId, g.Key.CampaignId, Count = g.Count() })
            .ToListAsync(ct);
        return counts.ToFrozenDictionary(x => (x.ShopperId, x.CampaignId), x => x.Count);
    }

    /// <summary>Region and top interest per shopper who allows personalisation, for personalised copy; everyone else reads the default copy.</summary>
    private static async Task<FrozenDictionary<string, ShopperTraits>> TraitsAsync(AdStudioDb db, CancellationToken ct)
    {
        var regions = await db.Shoppers.AsNoTracking().Where(s => s.Region != null && s.AllowsPersonalisation)
            .Select(s => new { s.Id, s.Region }).ToDictionaryAsync(s => s.Id, s => s.Region, StringComparer.Ordinal, ct);
        var withdrawn = ConsentQueries.WithoutPersonalisation(db);
        var interests = await db.Profiles.AsNoTracking().Where(p => p.TopCategories != "" && !withdrawn.Contains(p.ShopperId))
            .Select(p => new { p.ShopperId, p.TopCategories }).ToDictionaryAsync(p => p.ShopperId, p => p.TopCategories, StringComparer.Ordinal, ct);
        return regions.Keys.Union(interests.Keys).ToFrozenDictionary(
            id => id,
            id => new ShopperTraits(regions.GetValueOrDefault(id), interests.GetValueOrDefault(id)?.Split(',')[0].Trim()),
            StringComparer.Ordinal);
    }

    private static string[] SplitPlacements(string placements) =>
        placements.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
