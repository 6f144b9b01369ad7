using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Shop;
using AdStudio.Core.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Modeling.Training;

/// <summary>Reads behaviour, impressions, clicks and conversions and replays them into point-in-time rows.</summary>
public sealed class TrainingDataLoader(IDbContextFactory<AdStudioDb> dbFactory, SmoothingPrior prior, IOptions<ShopOptions> shop, IOptions<DemoOptions> demo)
{
    /// <summary>The shopper id of training rows whose impression was stored without one; no timeline or oracle knows it.</summary>
    public const string AnonymousShopper = "";

    public async Task<TrainingData> LoadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creatives = await db.Creatives.AsNoTracking().ToListAsync(ct);
        // Behaviour of shoppers who do not allow personalisation (stored before a withdrawal was processed) feeds nothing.
        var withdrawn = ConsentQueries.WithoutPersonalisation(db);
        // Their impressions stay rows (the creative and context still teach the model), described as an unknown visitor's.
        var contextOnly = (await db.AdEvents.AsNoTracking().Where(e => e.Type == AdEventType.Impression && e.ShopperId != null && withdrawn.Contains(e.ShopperId))
            .Select(e => e.ShopperId!).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var events = (await db.BehaviourEvents.AsNoTracking().Where(e => !withdrawn.Contains(e.ShopperId)).OrderBy(e => e.OccurredAt)
            .Select(e => new { e.ShopperId, e.OccurredAt, e.Type, e.Category, e.Amount }).ToListAsync(ct))
            .Select(e => new TimelineEvent(e.ShopperId, e.OccurredAt, e.Type, e.Category, e.Amount)).ToList();
        var clicks = await db.AdEvents.AsNoTracking().Where(e => e.Type == AdEventType.Click)
            .Select(e => new { e.DecisionId, e.OccurredAt }).ToDictionaryAsync(e => e.DecisionId, e => e.OccurredAt, StringComparer.Ordinal, ct);
        var conversions = (await db.AdEvents.AsNoTracking().Where(e => e.Type == AdEventType.Conversion)
            .Select(e => e.DecisionId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        // Impressions stored without a shopper (no consent to measurement) stay rows too, as an unknown visitor's: without
        // them the model never sees the visitors serving scores with context only, and extrapolates wildly for them.
        var impressions = (await db.AdEvents.AsNoTracking().Where(e => e.Type == AdEventType.Impression).OrderBy(e => e.OccurredAt)
            .Select(e => new { e.ShopperId, e.OccurredAt, e.CreativeId, e.Placement, e.DecisionId }).ToListAsync(ct))
            .Select(e => new TimelineImpression(e.ShopperId ?? AnonymousShopper, e.OccurredAt, e.CreativeId, e.Placement ?? "",
                clicks.TryGetValue(e.DecisionId, out var at) ? at : null, clicks.ContainsKey(e.DecisionId) && conversions.Contains(e.DecisionId),
                e.ShopperId is not null && !contextOnly.Contains(e.ShopperId)))
            .ToList();
        var categories = creatives.Select(c => c.Category).Concat(events.Where(e => e.Category is not null).Select(e => e.Category!))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var builder = new ClickFeatureBuilder(categories, [.. shop.Value.Placements.Keys.Order(StringComparer.Ordinal)], prior.Strength);
        var facts = creatives.ToDictionary(c => c.Id, CreativeFacts.Of);
        var demoSeeded = await db.Settings.AnyAsync(s => s.Key == DemoSeeder.MarkerKey && s.Value == "completed", ct);
        var oracle = demoSeeded ? DemoOracle.For(demo.Value, creatives.Select(c => (c.Id, c.ImageUrl))) : null;
        return new TrainingData(builder.Build(events, impressions, facts), builder.Layout, oracle);
    }
}
