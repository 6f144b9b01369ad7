using AdStudio.Core.Infrastructure;
using AdStudio.Core.Nodes;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Pipeline;

/// <summary>
/// The durable record of pipeline runs: what was asked for, what is running, how it ended. Writes that belong
/// to one attempt name it, so a worker that lost its run (to a restart or the orphan sweep) cannot overwrite
/// what a later attempt records. A ledger that knows its <see cref="NodeIdentity"/> stamps the node on each run it claims,
/// so recovery on other nodes can tell a run of a live node from one whose node is gone.
/// </summary>
public sealed class PipelineLedger(IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock, NodeIdentity? node = null)
{
    private const int MaxMessageLength = 4000;

    /// <summary>Queues the step and returns the new run, or the step's run already queued or running.</summary>
    public async Task<PipelineRun> QueueAsync(string step, CancellationToken cancellationToken) =>
        (await TryQueueAsync(step, cancellationToken)).Run;

    /// <summary>
    /// Queues the step unless a run of it is already queued or running. The database's unique index on
    /// the step's unfinished run makes this atomic across threads and processes.
    /// </summary>
    public async Task<PipelineQueueResult> TryQueueAsync(string step, CancellationToken cancellationToken)
    {
        if (await FindUnfinishedAsync(step, cancellationToken) is { } existing)
        {
            return new PipelineQueueResult(existing, Created: false);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = new PipelineRun { Step = step, Status = PipelineRunStatus.Queued, QueuedAt = Now(), Message = "Waiting for a worker." };
        db.PipelineRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new PipelineQueueResult(run, Created: true);
        }
        catch (DbUpdateException)
        {
            // Another trigger queued the step between our check and our insert, and the index refused ours. The
            // winner may even have finished by now (a fast step); it was under way when we tried, so ours is skipped.
            var winner = await FindUnfinishedAsync(step, cancellationToken) ?? await NewestAsync(step, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new PipelineQueueResult(winner, Created: false);
        }
    }

    public async Task<PipelineRun?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PipelineRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>The step's run that is queued or running, if any.</summary>
    public async Task<PipelineRun?> FindUnfinishedAsync(string step, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PipelineRuns.AsNoTracking()
            .Where(r => r.Step == step && (r.Status == PipelineRunStatus.Queued || r.Status == PipelineRunStatus.Running))
            .OrderBy(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Runs still waiting for a worker that were queued before <paramref name="queuedBefore"/>.</summary>
    public async Task<List<PipelineRun>> WaitingSinceAsync(DateTime queuedBefore, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PipelineRuns.AsNoTracking()
            .Where(r => r.Status == PipelineRunStatus.Queued && r.QueuedAt < queuedBefore)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The step's latest run, whatever its status (the Privacy page shows the last retention run).</summary>
    public async Task<PipelineRun?> NewestAsync(string step, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PipelineRuns.AsNoTracking().Where(r => r.Step == step).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<List<PipelineRun>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PipelineRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Marks the run started and returns the attempt it now is; null when it is not waiting (already finished
    /// or running elsewhere). The first attempt's start time is kept. The claim is one conditional UPDATE (status still
    /// queued), so of two nodes claiming the same run exactly one wins; it records this ledger's node on the run.
    /// </summary>
    public async Task<int?> TryStartAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var nodeId = node?.Id;
        var changed = await db.PipelineRuns
            .Where(r => r.Id == id && r.Status == PipelineRunStatus.Queued)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, PipelineRunStatus.Running)
                    .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                    .SetProperty(r => r.AttemptStartedAt, now)
                    .SetProperty(r => r.HeartbeatAt, now)
                    .SetProperty(r => r.Progress, 0)
                    .SetProperty(r => r.Attempt, r => r.Attempt + 1)
                    .SetProperty(r => r.NodeId, nodeId)
                    .SetProperty(r => r.Message, "Running."),
                cancellationToken);
        if (changed != 1)
        {
            return null;
        }

        // Only the worker that moved the run to running gets here, so the attempt cannot change under us.
        return await db.PipelineRuns.Where(r => r.Id == id).Select(r => r.Attempt).FirstAsync(cancellationToken);
    }

    /// <summary>Records progress (and so a sign of life) for the given attempt while it is running.</summary>
    public async Task ReportProgressAsync(int id, int attempt, int percent, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        await Running(db, id, attempt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, Math.Clamp(percent, 0, 100)).SetProperty(r => r.HeartbeatAt, now), cancellationToken);
    }

    /// <summary>Records that the worker running the given attempt is alive.</summary>
    public async Task HeartbeatAsync(int id, int attempt, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        await Running(db, id, attempt).ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, now), cancellationToken);
    }

    /// <summary>Records success; false when the attempt no longer owns the run (it was swept or re-queued).</summary>
    public Task<bool> SucceedAsync(int id, int attempt, string message, CancellationToken cancellationToken) =>
        FinishAsync(id, attempt, PipelineRunStatus.Succeeded, message, cancellationToken);

    /// <summary>Records failure; false when the attempt no longer owns the run (it was swept or re-queued).</summary>
    public Task<bool> FailAsync(int id, int attempt, string message, CancellationToken cancellationToken) =>
        FinishAsync(id, attempt, PipelineRunStatus.Failed, message, cancellationToken);

    /// <summary>
    /// Puts runs a crash left queued or running back in the queue, noting when they were interrupted, and returns
    /// them so the caller can hand them to the job runner again. A run interrupted during its last allowed
    /// attempt is marked failed instead. For a single node at start-up: every running run counts as interrupted.
    /// </summary>
    public Task<List<PipelineRun>> RequeueUnfinishedAsync(int maxAttempts, CancellationToken cancellationToken) =>
        RecoverAsync(new PipelineRecovery(maxAttempts, NodesSilentBefore: null, RequeueWaiting: true, Cause: "a restart"), cancellationToken);

    /// <summary>
    /// Puts back in the queue the running runs whose node is gone (stopped, or silent since before
    /// <see cref="PipelineRecovery.NodesSilentBefore"/>, or unknown) and, if asked, the waiting runs whose job was lost
    /// with an in-memory queue; returns them so the caller can hand them to the job runner again. A run of a live
    /// node is never touched, nor one of this ledger's own node. A run interrupted during its last allowed attempt
    /// is marked failed instead. Each run changes in a statement conditional on the attempt it was read at, so two
    /// nodes recovering at once re-queue a run once.
    /// </summary>
    public async Task<List<PipelineRun>> RecoverAsync(PipelineRecovery recovery, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recovery.MaxAttempts, 1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var self = node?.Id;
        var running = db.PipelineRuns.AsNoTracking().Where(r => r.Status == PipelineRunStatus.Running && (r.NodeId == null || r.NodeId != self));
        if (recovery.NodesSilentBefore is { } silentBefore)
        {
            running = running.Where(r => !db.ClusterNodes.Any(n => n.Id == r.NodeId && n.StoppedAt == null && n.HeartbeatAt >= silentBefore));
        }

        var orphaned = await running.OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var now = Now();
        var requeued = new List<PipelineRun>();
        foreach (var run in orphaned)
        {
            if (await InterruptAsync(db, run, recovery, now, cancellationToken) is { } again)
            {
                requeued.Add(again);
            }
        }

        if (recovery.RequeueWaiting)
        {
            // Never started (or already re-queued): only its job in the lost in-memory queue is gone.
            var message = $"Queued again after {recovery.Cause} at {now:u}.";
            var waiting = await db.PipelineRuns.Where(r => r.Status == PipelineRunStatus.Queued).OrderBy(r => r.Id).ToListAsync(cancellationToken);
            foreach (var run in waiting.Where(w => requeued.TrueForAll(r => r.Id != w.Id)))
            {
                run.Message = message;
                requeued.Add(run);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return [.. requeued.OrderBy(r => r.Id)];
    }

    private static async Task<PipelineRun?> InterruptAsync(AdStudioDb db, PipelineRun run, PipelineRecovery recovery, DateTime now, CancellationToken cancellationToken)
    {
        var max = recovery.MaxAttempts;
        var where = $"Interrupted by {recovery.Cause}{(run.NodeId is null ? "" : $" (node {run.NodeId})")} at {now:u} during attempt {run.Attempt} of {max}";
        var query = db.PipelineRuns.Where(r => r.Id == run.Id && r.Status == PipelineRunStatus.Running && r.Attempt == run.Attempt && r.NodeId == run.NodeId);
        if (run.Attempt >= max)
        {
            var failed = $"{where}; not queued again after {max} attempts. Start the step again once the cause is fixed.";
            await query.ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, PipelineRunStatus.Failed).SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.InterruptedAt, now).SetProperty(r => r.HeartbeatAt, (DateTime?)null)
                    .SetProperty(r => r.AttemptStartedAt, (DateTime?)null).SetProperty(r => r.Message, failed),
                cancellationToken);
            return null;
        }

        var message = $"{where} at {run.Progress} %; queued again.";
        var changed = await query.ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, PipelineRunStatus.Queued).SetProperty(r => r.Progress, 0)
                .SetProperty(r => r.InterruptedAt, now).SetProperty(r => r.HeartbeatAt, (DateTime?)null)
                .SetProperty(r => r.AttemptStartedAt, (DateTime?)null).SetProperty(r => r.NodeId, (string?)null)
                .SetProperty(r => r.Message, message),
            cancellationToken);
        if (changed != 1)
        {
            return null;
        }

        run.Status = PipelineRunStatus.Queued;
        run.Progress = 0;
        run.InterruptedAt = now;
        run.HeartbeatAt = null;
        run.AttemptStartedAt = null;
        run.NodeId = null;
        run.Message = message;
        return run;
    }

    /// <summary>
    /// Marks failed every running run whose worker has shown no sign of life since <paramref name="silentSince"/>,
    /// except the runs in <paramref name="liveRunIds"/> (which this process is still running); returns how many. Only
    /// this node's runs (and runs of no node): another node's runs are its own to judge while it lives, and recovery's
    /// once it is gone.
    /// The condition is checked in the same statement that changes the run, so a heartbeat that lands first wins.
    /// </summary>
    public async Task<int> FailOrphanedAsync(DateTime silentSince, IReadOnlyCollection<int> liveRunIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var ids = liveRunIds.ToArray();
        var self = node?.Id;
        var message = $"Its worker showed no sign of life since before {silentSince:u} (it stopped, or could not record the outcome); marked failed at {now:u}.";
        return await db.PipelineRuns
            .Where(r => r.Status == PipelineRunStatus.Running && (r.HeartbeatAt == null || r.HeartbeatAt < silentSince) && !ids.Contains(r.Id))
            .Where(r => self == null || r.NodeId == null || r.NodeId == self)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, PipelineRunStatus.Failed)
                    .SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.InterruptedAt, now)
                    .SetProperty(r => r.Message, message),
                cancellationToken);
    }

    private async Task<bool> FinishAsync(int id, int attempt, PipelineRunStatus status, string message, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var text = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
        var query = Running(db, id, attempt);
        var changed = status == PipelineRunStatus.Succeeded
            ? await query.ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Progress, 100)
                    .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.HeartbeatAt, now).SetProperty(r => r.Message, text),
                cancellationToken)
            : await query.ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, status)
                    .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.HeartbeatAt, now).SetProperty(r => r.Message, text),
                cancellationToken);
        return changed == 1;
    }

    private static IQueryable<PipelineRun> Running(AdStudioDb db, int id, int attempt) =>
        db.PipelineRuns.Where(r => r.Id == id && r.Attempt == attempt && r.Status == PipelineRunStatus.Running);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
