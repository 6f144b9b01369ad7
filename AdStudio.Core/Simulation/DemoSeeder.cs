using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Simulation;

/// <summary>
/// The <c>seed</c> step: fills an empty database with the demo shop and its history. The ad history is
/// made by the real decision code: every few simulated hours the serving snapshot is rebuilt from what
/// was recorded so far, exactly as the live refresher does.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<AdStudioDb> dbFactory,
    EventStore eventStore,
    SnapshotBuilder snapshotBuilder,
    AdServer adServer,
    IOptions<DemoOptions> demoOptions,
    TimeProvider clock) : IPipelineStep
{
    public const string MarkerKey = "demo.seed";
    private const string Completed = "completed";
    private static readonly TimeSpan SnapshotEvery = TimeSpan.FromHours(2);

    public string Name => PipelineSteps.Seed;

    public async Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken)
    {
        var options = demoOptions.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var firstDay = DateOnly.FromDateTime(now).AddDays(-options.Days);
        var start = firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Not tracked: ClearAsync deletes the row behind the context's back, and a tracked copy would clash with the new marker.
            var marker = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == MarkerKey, cancellationToken);
            if (marker?.Value == Completed)
            {
                return "The demo data is already in place; nothing to do.";
            }

            var world = WorldGenerator.Generate(options.Seed, options.Shoppers);
            if (await DemoSeedGuard.FindForeignDataAsync(db, marker?.Value, world, cancellationToken) is { } refusal)
            {
                throw new InvalidOperationException(refusal);
            }

            // A run interrupted half-way left partial demo data (and nothing else, as checked): start over from a clean slate.
            await ClearAsync(db, cancellationToken);
            db.Settings.Add(new Setting { Key = MarkerKey, Value = DemoSeedGuard.StartedMarker(now) });
            await db.SaveChangesAsync(cancellationToken);

            await DemoShopSetup.WriteShoppersAsync(db, world, start, cancellationToken);
            progress.Report(0.03);
            var segmentIds = await DemoShopSetup.WriteSegmentsAsync(db, world, start, cancellationToken);
            var truths = await DemoShopSetup.WriteCampaignsAsync(db, segmentIds, start, cancellationToken);
            progress.Report(0.05);

            var totals = await SimulateHistoryAsync(world, truths, firstDay, now, progress, cancellationToken);

            await db.Settings.Where(s => s.Key == MarkerKey)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, Completed), cancellationToken);
            progress.Report(1);
            return $"Seeded {world.Shoppers.Count:N0} shoppers, {DemoCatalog.Campaigns.Count} campaigns, "
                + $"{totals.BehaviourEvents:N0} behaviour events and {totals.AdEvents:N0} ad events over {options.Days} days.";
        }
    }

    private async Task<EventWriteResult> SimulateHistoryAsync(
        SimulatedWorld world, Dictionary<int, CreativeTruth> truths, DateOnly firstDay, DateTime now,
        IProgress<double> progress, CancellationToken cancellationToken)
    {
        var options = demoOptions.Value;
        var frequency = new FrequencyCounter();
        var random = new Random(options.Seed + 1);
        // Nonces from the simulation's own Random keep a seeded demo's decision ids repeatable.
        var simulator = new StorefrontSimulator(adServer.WithCounter(frequency).WithNonces(NonceSource.Seeded(random)), truths, random, options.SecondPlacementShare);
        var totals = default(EventWriteResult);
        var days = options.Days + 1;
        for (var d = 0; d < days; d++)
        {
            var day = firstDay.AddDays(d);
            var sessions = simulator.PlanDay(world.Shoppers, day);
            var index = 0;
            for (var windowStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                 windowStart < day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) && windowStart < now;
                 windowStart += SnapshotEvery)
            {
                var windowEnd = windowStart + SnapshotEvery;
                frequency.Reset();
                var snapshot = await snapshotBuilder.BuildAsync(windowStart, cancellationToken);
                var behaviour = new List<BehaviourEvent>();
                var ads = new List<AdEvent>();
                for (; index < sessions.Count && sessions[index].Start < windowEnd; index++)
                {
                    if (sessions[index].Start < now)
                    {
                        simulator.Play(sessions[index], snapshot, behaviour, ads);
                    }
                }

                // Outcomes that would happen after "now" have not happened yet.
                behaviour.RemoveAll(e => e.OccurredAt >= now);
                ads.RemoveAll(e => e.OccurredAt >= now);
                totals = totals.Add(await eventStore.WriteAsync(new EventBatch(behaviour, ads), cancellationToken));
            }

            progress.Report(0.05 + (0.95 * (d + 1) / days));
        }

        return totals;
    }

    private static async Task ClearAsync(AdStudioDb db, CancellationToken ct)
    {
        await db.AdEvents.ExecuteDeleteAsync(ct);
        await db.BehaviourEvents.ExecuteDeleteAsync(ct);
        await db.DailyRollups.ExecuteDeleteAsync(ct);
        await db.Variants.ExecuteDeleteAsync(ct);
        await db.Experiments.ExecuteDeleteAsync(ct);
        await db.CampaignTargets.ExecuteDeleteAsync(ct);
        await db.Campaigns.ExecuteDeleteAsync(ct);
        await db.Creatives.ExecuteDeleteAsync(ct);
        await db.SegmentMembers.ExecuteDeleteAsync(ct);
        await db.Segments.ExecuteDeleteAsync(ct);
        await db.Profiles.ExecuteDeleteAsync(ct);
        await db.ConsentRecords.ExecuteDeleteAsync(ct);
        await db.Shoppers.ExecuteDeleteAsync(ct);
        await db.Settings.Where(s => s.Key == MarkerKey).ExecuteDeleteAsync(ct);
    }
}
