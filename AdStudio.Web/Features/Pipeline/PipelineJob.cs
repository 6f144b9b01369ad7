using AdStudio.Core.Pipeline;
using Hangfire;
using Hangfire.Server;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>The thin Hangfire shell around <see cref="PipelineRunner"/>: takes ids, never entities.</summary>
public sealed partial class PipelineJob(PipelineRunner runner, PipelineLedger ledger, PipelineLauncher launcher, ILogger<PipelineJob> logger)
{
    private const string RunIdParameter = "AdStudioRunId";

    /// <summary>
    /// Runs the ledger entry if this node can claim it (it is still queued); otherwise does nothing, so a job that Hangfire
    /// delivers again after its worker died never runs a step that another node has taken or finished.
    /// </summary>
    // The ledger records failures and the user restarts from the Jobs page; Hangfire retries would hide them.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int runId, CancellationToken cancellationToken)
    {
        await runner.RunAsync(runId, cancellationToken);
        await FollowUpAsync(runId, cancellationToken);
    }

    /// <summary>Runs a schedule's turn outside Hangfire (tests, callers without a job context).</summary>
    public Task RunScheduledAsync(string step, CancellationToken cancellationToken) => RunScheduledAsync(step, null, cancellationToken);

    /// <summary>
    /// Entry point of recurring schedules: records a run in the ledger, then runs it. When a run of the step is
    /// already queued or running the schedule skips this turn, so runs of one step never overlap. The run's id is kept
    /// on the Hangfire job: when shared storage delivers the job again (its worker died), the same run is resumed
    /// through the ledger's claim instead of a second run being queued for the same turn.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunScheduledAsync(string step, PerformContext? context, CancellationToken cancellationToken)
    {
        if (context?.GetJobParameter<int?>(RunIdParameter) is { } earlier)
        {
            LogScheduleRedelivered(logger, step, earlier);
            await RunAsync(earlier, cancellationToken);
            return;
        }

        var (run, created) = await ledger.TryQueueAsync(step, cancellationToken);
        if (!created)
        {
            LogScheduleSkipped(logger, step, run.Id, run.Status);
            return;
        }

        context?.SetJobParameter(RunIdParameter, run.Id);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Step} delivered again: resuming its run {RunId} if it is still waiting.")]
    private static partial void LogScheduleRedelivered(ILogger logger, string step, int runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Step} skipped: run {RunId} of it is still {Status}.")]
    private static partial void LogScheduleSkipped(ILogger logger, string step, int runId, PipelineRunStatus status);
}
