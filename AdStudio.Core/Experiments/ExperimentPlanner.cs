using AdStudio.Core.Events;
using AdStudio.Core.Experiments.Stats;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Experiments;

/// <summary>Reads a campaign's recent traffic, so a plan can say how many days a sample takes.</summary>
public sealed class ExperimentPlanner(IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock)
{
    /// <summary>The window of recent traffic a plan is based on.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    /// <summary>
    /// Beyond about eight weeks a test is a warning: seasonality, novelty wearing off and cookie churn change the
    /// population under it, and the decision comes too late to matter.
    /// </summary>
    public const int LongTestDays = 56;

    /// <summary>The shopper conversion a plan assumes when a campaign has no history to measure it from.</summary>
    public const double AssumedBaselineRate = 0.03;

    /// <summary>The minimum detectable effect (relative) a plan starts from until the manager types another.</summary>
    public const double DefaultMinimumDetectableEffect = 0.1;

    /// <summary>Distinct shoppers shown the campaign per day and the share of them who converted, over the last two weeks.</summary>
    public async Task<CampaignTraffic> RecentTrafficAsync(int campaignId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Counted like the analysis counts: only shoppers whose events may be measured (a null id is not a shopper).
        var unmeasured = ConsentQueries.WithoutMeasurement(db);
        var events = db.AdEvents.AsNoTracking().Where(e => e.CampaignId == campaignId && e.OccurredAt >= since && e.ShopperId != null && !unmeasured.Contains(e.ShopperId));
        var exposed = await events.Where(e => e.Type == AdEventType.Impression).Select(e => e.ShopperId).Distinct().CountAsync(ct);
        var converted = await events.Where(e => e.Type == AdEventType.Conversion).Select(e => e.ShopperId).Distinct().CountAsync(ct);
        return new CampaignTraffic(exposed / Window.TotalDays, exposed > 0 ? (double)converted / exposed : 0);
    }

    /// <summary>
    /// Plans a test of a relative lift in shopper conversion. A <paramref name="shoppersPerDay"/> of null or below
    /// one shopper leaves the duration unknown.
    /// </summary>
    /// <exception cref="StatsInputException">An input is out of range; the message says which.</exception>
    public static ExperimentPlan Plan(double baselineRate, double minimumDetectableEffect, double alpha, double power, int variants, double? shoppersPerDay)
    {
        long? perDay = shoppersPerDay is { } traffic && double.IsFinite(traffic) && traffic >= 0.5 ? (long)Math.Round(traffic, MidpointRounding.AwayFromZero) : null;
        var sample = SampleSizePlan.For(baselineRate, minimumDetectableEffect, alpha, power, variants, perDay);
        return new ExperimentPlan(sample, baselineRate, minimumDetectableEffect, perDay);
    }
}
