using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Experiments.Results;

/// <summary>Reads an experiment's ad events and the shoppers' pre-experiment spend, then analyses them.</summary>
public sealed class ExperimentResultsService(IDbContextFactory<AdStudioDb> dbFactory, IOptions<ExperimentsOptions> options)
{
    /// <summary>How far before the start pre-experiment spend (the CUPED covariate) is summed.</summary>
    public static readonly TimeSpan PrePeriod = TimeSpan.FromDays(14);

    /// <summary>Null when the experiment does not exist.</summary>
    public async Task<ExperimentResults?> GetAsync(int experimentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var experiment = await db.Experiments.AsNoTracking().Include(e => e.Variants).FirstOrDefaultAsync(e => e.Id == experimentId, ct);
        if (experiment is null)
        {
            return null;
        }

        var objective = await db.Campaigns.Where(c => c.Id == experiment.CampaignId).Select(c => c.Objective).FirstOrDefaultAsync(ct);
        var creativeIds = experiment.Variants.Select(v => v.CreativeId).ToList();
        var creativeNames = await db.Creatives.AsNoTracking().Where(c => creativeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var days = await ShopperDaysAsync(db, experimentId, ct);
        var pre = experiment.StartedAt is { } started ? await PreSpendAsync(db, started, ct) : [];
        return ExperimentAnalyzer.Analyze(ExperimentDesign.Of(experiment, objective, creativeNames), days, pre, options.Value);
    }

    private static async Task<List<ShopperDay>> ShopperDaysAsync(AdStudioDb db, int experimentId, CancellationToken ct)
    {
        var sums = new Dictionary<(string Shopper, int Variant, DateOnly Day), long[]>();
        var money = new Dictionary<(string Shopper, int Variant, DateOnly Day), (double Cost, double Revenue)>();
        // Events stored without a shopper (no consent to measurement) leave the shopper out of the analysis, and so do
        // events stored before a withdrawal of measurement was processed.
        var unmeasured = ConsentQueries.WithoutMeasurement(db);
        var events = db.AdEvents.AsNoTracking()
            .Where(e => e.ExperimentId == experimentId && e.VariantId != null && e.ShopperId != null && !unmeasured.Contains(e.ShopperId))
            .Select(e => new { ShopperId = e.ShopperId!, VariantId = e.VariantId!.Value, e.Type, e.Cost, e.Revenue, e.OccurredAt })
            .AsAsyncEnumerable();
        await foreach (var e in events.WithCancellation(ct))
        {
            var key = (e.ShopperId, e.VariantId, DateOnly.FromDateTime(e.OccurredAt));
            if (!sums.TryGetValue(key, out var counts))
            {
                sums[key] = counts = new long[3];
            }

            counts[(int)e.Type]++;
            var (cost, revenue) = money.GetValueOrDefault(key);
            money[key] = (cost + e.Cost, revenue + e.Revenue);
        }

        return [.. sums.Select(kv => new ShopperDay(
            kv.Key.Shopper, kv.Key.Variant, kv.Key.Day,
            kv.Value[(int)AdEventType.Impression], kv.Value[(int)AdEventType.Click], kv.Value[(int)AdEventType.Conversion],
            money[kv.Key].Cost, money[kv.Key].Revenue))];
    }

    private static async Task<Dictionary<string, double>> PreSpendAsync(AdStudioDb db, DateTime started, CancellationToken ct)
    {
        var from = started - PrePeriod;
        return await db.BehaviourEvents.AsNoTracking()
            .Where(e => e.Type == BehaviourEventType.Purchase && e.OccurredAt >= from && e.OccurredAt < started && e.Amount != null)
            .GroupBy(e => e.ShopperId)
            .Select(g => new { g.Key, Spend = g.Sum(e => e.Amount!.Value) })
            .ToDictionaryAsync(x => x.Key, x => x.Spend, StringComparer.Ordinal, ct);
    }
}
