using Microsoft.Extensions.Logging;

namespace AdStudio.Core.Pipeline;

/// <summary>Runs one ledger entry: finds its step, records start, progress and outcome.</summary>
public sealed class PipelineRunner(
    PipelineLedger ledger,
    IEnumerable<IPipelineStep> steps,
    TimeProvider clock,
    ILogger<PipelineRunner> logger,
    IEnumerable<IPipelineStepObserver>? observers = null)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public IReadOnlyList<string> StepNames { get; } = [.. steps.Select(s => s.Name)];

    public bool IsKnownStep(string name) => StepNames.Contains(name, StringComparer.Ordinal);

    public async Task RunAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await ledger.FindAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"Pipeline run {runId} does not exist.");
        if (!await ledger.TryStartAsync(runId, cancellationToken))
        {
            PipelineLog.NotQueued(logger, runId);
            return;
        }

        var step = steps.FirstOrDefault(s => s.Name == run.Step);
        if (step is null)
        {
            await ledger.FailAsync(runId, $"Unknown step '{run.Step}'.", CancellationToken.None);
            return;
        }

        var progress = new LedgerProgress(ledger, runId, clock, ProgressInterval);
        try
        {
            var summary = await step.RunAsync(progress, cancellationToken);
            await progress.FlushAsync();
            foreach (var observer in observers ?? [])
            {
                await observer.StepSucceededAsync(run.Step, cancellationToken);
            }

            await ledger.SucceedAsync(runId, summary, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: leave the run unfinished so start-up re-queues it.
            PipelineLog.Interrupted(logger, runId, run.Step);
            throw;
        }
        catch (Exception ex)
        {
            PipelineLog.Failed(logger, ex, runId, run.Step);
            await progress.FlushAsync();
            await ledger.FailAsync(runId, ex.Message, CancellationToken.None);
        }
    }
}
