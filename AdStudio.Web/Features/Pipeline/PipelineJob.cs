using AdStudio.Core.Pipeline;
using Hangfire;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>The thin Hangfire shell around <see cref="PipelineRunner"/>: takes ids, never entities.</summary>
public sealed class PipelineJob(PipelineRunner runner, PipelineLedger ledger)
{
    // The ledger records failures and the user restarts from the Jobs page; Hangfire retries would hide them.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(int runId, CancellationToken cancellationToken) => runner.RunAsync(runId, cancellationToken);

    /// <summary>Entry point of recurring schedules: records a run in the ledger, then runs it.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunScheduledAsync(string step, CancellationToken cancellationToken)
    {
        var run = await ledger.QueueAsync(step, cancellationToken);
        await runner.RunAsync(run.Id, cancellationToken);
    }
}
