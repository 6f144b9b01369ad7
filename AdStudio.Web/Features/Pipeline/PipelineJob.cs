using AdStudio.Core.Pipeline;
using Hangfire;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>The thin Hangfire shell around <see cref="PipelineRunner"/>: takes ids, never entities.</summary>
public sealed partial class PipelineJob(PipelineRunner runner, PipelineLedger ledger, PipelineLauncher launcher, ILogger<PipelineJob> logger)
{
    // The ledger records failures and the user restarts from the Jobs page; Hangfire retries would hide them.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int runId, CancellationToken cancellationToken)
    {
        await runner.RunAsync(runId, cancellationToken);
        await FollowUpAsync(runId, cancellationToken);
    }

    /// <summary>
    /// Entry point of recurring schedules: records a run in the ledger, then runs it. When a run of the step is
    /// already queued or running the schedule skips this turn, so runs of one step never overlap.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunScheduledAsync(string step, CancellationToken cancellationToken)
    {
        var (run, created) = await ledger.TryQueueAsync(step, cancellationToken);
        if (!created)
        {
            LogScheduleSkipped(logger, step, run.Id, run.Status);
            return;
        }

        await runner.RunAsync(run.Id, cancellationToken);
        await FollowUpAsync(run.Id, cancellationToken);
    }

    /// <summary>Fresh demo data is profiled straight away, so segments and targeting work from the first visit.</summary>
    private async Task FollowUpAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await ledger.FindAsync(runId, cancellationToken);
        if (run is { Step: PipelineSteps.Seed, Status: PipelineRunStatus.Succeeded } && launcher.IsKnownStep(PipelineSteps.Profile))
        {
            await launcher.LaunchAsync(PipelineSteps.Profile, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Step} skipped: run {RunId} of it is still {Status}.")]
    private static partial void LogScheduleSkipped(ILogger logger, string step, int runId, PipelineRunStatus status);
}
