using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Nodes;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Simulation;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>Starts pipeline steps: records the run in the ledger, then hands its id to Hangfire.</summary>
public sealed class PipelineLauncher(
    PipelineLedger ledger,
    PipelineRunner runner,
    IBackgroundJobClient jobs,
    IRecurringJobManager recurring,
    JobStorage storage,
    IDbContextFactory<AdStudioDb> dbFactory,
    IOptions<DemoOptions> demoOptions,
    IOptions<PipelineOptions> pipelineOptions,
    DatabaseTarget database,
    NodeRegistry nodes,
    TimeProvider clock) : IDisposable
{
    // The ledger's unique index is the real guard; this only spares the database the losing insert.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IReadOnlyList<string> Steps => runner.StepNames;

    public void Dispose() => _gate.Dispose();

    public bool IsKnownStep(string step) => runner.IsKnownStep(step);

    /// <summary>Queues the step, or returns the run of it that is already waiting or running.</summary>
    public async Task<PipelineLaunch> LaunchAsync(string step, CancellationToken cancellationToken)
    {
        if (!IsKnownStep(step))
        {
            throw new ArgumentException($"Unknown pipeline step '{step}'.", nameof(step));
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (run, created) = await ledger.TryQueueAsync(step, cancellationToken);
            if (created)
            {
                jobs.Enqueue<PipelineJob>(job => job.RunAsync(run.Id, CancellationToken.None));
            }

            return new PipelineLaunch(run, AlreadyUnderWay: !created);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Queues the step for a person and records who started it (a run already under way is not recorded again).</summary>
    public async Task<PipelineLaunch> LaunchAsync(string step, string actor, CancellationToken cancellationToken)
    {
        var launch = await LaunchAsync(step, cancellationToken);
        if (!launch.AlreadyUnderWay)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            AuditTrail.Add(db, AuditTrail.Pipeline, launch.Run.Id, actor, "started", step, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return launch;
    }

    /// <summary>
    /// At start-up, after this node registered. One node (SQLite, in-memory queue): every other node is gone and the
    /// queue was lost, so every unfinished run is queued again. Several nodes (PostgreSQL): only runs of nodes that are
    /// gone; waiting runs keep their jobs in the shared queue.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        if (database.IsPostgres)
        {
            await RecoverGoneNodesAsync(cancellationToken);
            return;
        }

        await nodes.RetireOthersAsync(cancellationToken);
        Enqueue(await ledger.RequeueUnfinishedAsync(pipelineOptions.Value.MaxAttempts, cancellationToken));
    }

    /// <summary>Re-queues (or, after the last attempt, fails) the runs whose node stopped or missed its beats; runs of live nodes are left alone.</summary>
    public async Task<int> RecoverGoneNodesAsync(CancellationToken cancellationToken)
    {
        var options = pipelineOptions.Value;
        var silentBefore = options.Liveness().SilentBefore(clock.GetUtcNow().UtcDateTime);
        var requeued = await ledger.RecoverAsync(new PipelineRecovery(options.MaxAttempts, silentBefore, RequeueWaiting: false, "its node stopping or going silent"), cancellationToken);
        Enqueue(requeued);
        return requeued.Count;
    }

    /// <summary>
    /// Queues a new job for each run that has waited longer than a heartbeat while no Hangfire job holds it: neither
    /// waiting in a queue nor processing. Hangfire.PostgreSql can leave a job Enqueued without its queue entry (a worker
    /// that took it and then dropped it), and such a run would wait forever. A second job for a run that is in fact
    /// under way is harmless: the ledger's claim lets only one of them run the step.
    /// </summary>
    public async Task<int> RequeueLostJobsAsync(CancellationToken cancellationToken)
    {
        var waitingBefore = clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(pipelineOptions.Value.HeartbeatSeconds);
        var waiting = await ledger.WaitingSinceAsync(waitingBefore, cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var held = PipelineJobsInHangfire.HeldRunIds(storage);
        var lost = waiting.Where(r => !held.Contains(r.Id)).ToList();
        Enqueue(lost);
        return lost.Count;
    }

    private void Enqueue(IEnumerable<PipelineRun> runs)
    {
        foreach (var run in runs)
        {
            jobs.Enqueue<PipelineJob>(job => job.RunAsync(run.Id, CancellationToken.None));
        }
    }

    public async Task SeedDemoIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!demoOptions.Value.Enabled)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var seeded = await db.Settings.AnyAsync(s => s.Key == DemoSeeder.MarkerKey, cancellationToken);
        var empty = !await db.Shoppers.AnyAsync(cancellationToken) && !await db.Campaigns.AnyAsync(cancellationToken);
        if (!seeded && empty)
        {
            await LaunchAsync(PipelineSteps.Seed, cancellationToken);
        }
    }

    public void RegisterSchedules()
    {
        Schedule(PipelineSteps.Rollup, pipelineOptions.Value.RollupCron);
        Schedule(PipelineSteps.Profile, pipelineOptions.Value.ProfileCron);
        Schedule(PipelineSteps.Train, pipelineOptions.Value.TrainCron);
        Schedule(PipelineSteps.Score, pipelineOptions.Value.ScoreCron);
        Schedule(PipelineSteps.Retention, pipelineOptions.Value.RetentionCron);
    }

    /// <summary>Steps that run on a schedule: their cron (UTC) and Hangfire's next run, for the Jobs page.</summary>
    public IReadOnlyList<StepSchedule> Schedules()
    {
        using var connection = storage.GetConnection();
        var next = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.NextExecution, StringComparer.Ordinal);
        return [.. new[]
        {
            (Step: PipelineSteps.Rollup, Cron: pipelineOptions.Value.RollupCron),
            (Step: PipelineSteps.Profile, Cron: pipelineOptions.Value.ProfileCron),
            (Step: PipelineSteps.Train, Cron: pipelineOptions.Value.TrainCron),
            (Step: PipelineSteps.Score, Cron: pipelineOptions.Value.ScoreCron),
            (Step: PipelineSteps.Retention, Cron: pipelineOptions.Value.RetentionCron),
        }.Where(s => !string.IsNullOrWhiteSpace(s.Cron) && IsKnownStep(s.Step)).Select(s => new StepSchedule(s.Step, s.Cron!, next.GetValueOrDefault(s.Step)))];
    }

    private void Schedule(string step, string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron) || !IsKnownStep(step))
        {
            recurring.RemoveIfExists(step);
            return;
        }

        recurring.AddOrUpdate<PipelineJob>(step, job => job.RunScheduledAsync(step, null, CancellationToken.None), cron);
    }
}
