using System.Collections.Concurrent;
using System.Data.Common;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdStudio.Core.Pipeline;

/// <summary>
/// Runs one ledger entry: finds its step, records start, progress, heartbeats and outcome. An outcome the
/// ledger refuses to take (database locked or read-only) is retried with backoff for a bounded time and then
/// kept in memory for <see cref="SweepAsync"/>, which also fails runs whose worker stopped showing signs of life.
/// </summary>
public sealed class PipelineRunner(
    PipelineLedger ledger,
    IEnumerable<IPipelineStep> steps,
    PipelineSupervision supervision,
    TimeProvider clock,
    ILogger<PipelineRunner> logger,
    IEnumerable<IPipelineStepObserver>? observers = null)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(5);

    // Runs whose step is executing in this process: never orphans, however long a transaction blocks their heartbeat.
    private readonly ConcurrentDictionary<int, int> _live = new();
    private readonly ConcurrentDictionary<int, Outcome> _unrecorded = new();

    public IReadOnlyList<string> StepNames { get; } = [.. steps.Select(s => s.Name)];

    /// <summary>Whether a step is executing in this process right now.</summary>
    public bool HasLiveRuns => !_live.IsEmpty;

    public bool IsKnownStep(string name) => StepNames.Contains(name, StringComparer.Ordinal);

    public async Task RunAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await ledger.FindAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"Pipeline run {runId} does not exist.");
        if (await ledger.TryStartAsync(runId, cancellationToken) is not { } attempt)
        {
            PipelineLog.NotQueued(logger, runId);
            return;
        }

        var step = steps.FirstOrDefault(s => s.Name == run.Step);
        if (step is null)
        {
            await RecordAsync(new Outcome(runId, attempt, PipelineRunStatus.Failed, $"Unknown step '{run.Step}'."), cancellationToken);
            return;
        }

        _live[runId] = attempt;
        Outcome outcome;
        var progress = new LedgerProgress(ledger, runId, attempt, clock, ProgressInterval);
        using (var stopHeartbeat = new CancellationTokenSource())
        {
            var heartbeat = HeartbeatAsync(runId, attempt, stopHeartbeat.Token);
            try
            {
                var summary = await step.RunAsync(progress, cancellationToken);
                outcome = new Outcome(runId, attempt, PipelineRunStatus.Succeeded, summary);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: leave the run unfinished so start-up re-queues it.
                PipelineLog.Interrupted(logger, runId, run.Step);
                _live.TryRemove(runId, out _);
                throw;
            }
            catch (Exception ex)
            {
                PipelineLog.Failed(logger, ex, runId, run.Step);
                outcome = new Outcome(runId, attempt, PipelineRunStatus.Failed, ex.Message);
            }
            finally
            {
                await stopHeartbeat.CancelAsync();
                await heartbeat;
                await progress.FlushAsync();
            }
        }

        try
        {
            if (outcome.Status == PipelineRunStatus.Succeeded)
            {
                foreach (var observer in observers ?? [])
                {
                    await observer.StepSucceededAsync(run.Step, cancellationToken);
                }
            }

            await RecordAsync(outcome, cancellationToken);
        }
        finally
        {
            _live.TryRemove(runId, out _);
        }
    }

    /// <summary>
    /// Records outcomes that could not be written earlier, then marks failed the running runs whose worker has
    /// been silent for <see cref="PipelineSupervision.OrphanAfter"/> and that this process is not running.
    /// Returns how many runs were marked failed.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var outcome in _unrecorded.Values)
        {
            try
            {
                await WriteAsync(outcome, cancellationToken);
                _unrecorded.TryRemove(outcome.RunId, out _);
            }
            catch (Exception ex) when (IsStorageFault(ex))
            {
                PipelineLog.SweepFailed(logger, ex);
                return 0;
            }
        }

        var silentSince = clock.GetUtcNow().UtcDateTime - supervision.OrphanAfter;
        var keep = _live.Keys.Concat(_unrecorded.Keys).ToArray();
        try
        {
            var failed = await ledger.FailOrphanedAsync(silentSince, keep, cancellationToken);
            if (failed > 0)
            {
                PipelineLog.OrphansFailed(logger, failed, silentSince);
            }

            return failed;
        }
        catch (Exception ex) when (IsStorageFault(ex))
        {
            PipelineLog.SweepFailed(logger, ex);
            return 0;
        }
    }

    private async Task HeartbeatAsync(int runId, int attempt, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(supervision.Heartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await ledger.HeartbeatAsync(runId, attempt, stop);
                }
                catch (Exception ex) when (IsStorageFault(ex))
                {
                    // A missed beat is harmless: the run is live here, so this process's sweep never fails it.
                    PipelineLog.HeartbeatFailed(logger, ex, runId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The step ended.
        }
    }

    /// <summary>Writes the outcome, retrying storage faults with backoff until the budget is spent or shutdown.</summary>
    private async Task RecordAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await WriteAsync(outcome, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (IsStorageFault(ex))
            {
                if (clock.GetElapsedTime(started) + delay > supervision.FinishRetryBudget || cancellationToken.IsCancellationRequested)
                {
                    // Shutdown leaves it running for start-up to re-queue; otherwise the sweep keeps trying.
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        _unrecorded[outcome.RunId] = outcome;
                        PipelineLog.OutcomeNotRecorded(logger, outcome.RunId, supervision.FinishRetryBudget);
                    }

                    return;
                }

                PipelineLog.OutcomeWriteFailed(logger, ex, outcome.RunId, delay);
            }

            await Task.Delay(delay, clock, CancellationToken.None);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
        }
    }

    private async Task WriteAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        var recorded = outcome.Status == PipelineRunStatus.Succeeded
            ? await ledger.SucceedAsync(outcome.RunId, outcome.Attempt, outcome.Message, cancellationToken)
            : await ledger.FailAsync(outcome.RunId, outcome.Attempt, outcome.Message, cancellationToken);
        if (!recorded)
        {
            PipelineLog.OutcomeStale(logger, outcome.RunId, outcome.Attempt);
        }
    }

    private static bool IsStorageFault(Exception ex) => StorageFaults.Classify(ex) != StorageFaultKind.None;

    private sealed record Outcome(int RunId, int Attempt, PipelineRunStatus Status, string Message);
}
