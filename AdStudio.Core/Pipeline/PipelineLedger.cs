using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Pipeline;

/// <summary>The durable record of pipeline runs: what was asked for, what is running, how it ended.</summary>
public sealed class PipelineLedger(IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock)
{
    public async Task<PipelineRun> QueueAsync(string step, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = new PipelineRun { Step = step, Status = PipelineRunStatus.Queued, QueuedAt = Now(), Message = "Waiting for a worker." };
        db.PipelineRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
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

    public async Task<List<PipelineRun>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PipelineRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>Marks the run started; false when it is not waiting (already finished or running elsewhere).</summary>
    public async Task<bool> TryStartAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.PipelineRuns
            .Where(r => r.Id == id && r.Status == PipelineRunStatus.Queued)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, PipelineRunStatus.Running)
                    .SetProperty(r => r.StartedAt, Now())
                    .SetProperty(r => r.Progress, 0)
                    .SetProperty(r => r.Attempt, r => r.Attempt + 1)
                    .SetProperty(r => r.Message, "Running."),
                cancellationToken);
        return changed == 1;
    }

    public async Task ReportProgressAsync(int id, int percent, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.PipelineRuns
            .Where(r => r.Id == id && r.Status == PipelineRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, Math.Clamp(percent, 0, 100)), cancellationToken);
    }

    public Task SucceedAsync(int id, string message, CancellationToken cancellationToken) =>
        FinishAsync(id, PipelineRunStatus.Succeeded, 100, message, cancellationToken);

    public Task FailAsync(int id, string message, CancellationToken cancellationToken) =>
        FinishAsync(id, PipelineRunStatus.Failed, null, message, cancellationToken);

    /// <summary>
    /// Puts runs a crash left queued or running back in the queue, noting why, and returns them so
    /// the caller can hand them to the job runner again.
    /// </summary>
    public async Task<List<PipelineRun>> RequeueUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unfinished = await db.PipelineRuns
            .Where(r => r.Status == PipelineRunStatus.Queued || r.Status == PipelineRunStatus.Running)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var run in unfinished)
        {
            run.Message = $"Interrupted by a restart at {Now():u} while {run.Status.ToString().ToLowerInvariant()}; queued again.";
            run.Status = PipelineRunStatus.Queued;
            run.Progress = 0;
            run.StartedAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return unfinished;
    }

    private async Task FinishAsync(int id, PipelineRunStatus status, int? progress, string message, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.PipelineRuns.FirstAsync(r => r.Id == id, cancellationToken);
        run.Status = status;
        run.Progress = progress ?? run.Progress;
        run.FinishedAt = Now();
        run.Message = message.Length > 4000 ? message[..4000] : message;
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
