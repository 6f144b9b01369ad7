using AdStudio.Core.Pipeline;
using AdStudio.Core.Serving;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Serving;

/// <summary>
/// Rebuilds the serving snapshot on a timer, after model promotion and roll back, and after pipeline steps that
/// change what serving reads; a failed build keeps the previous one. Every trigger goes through
/// <see cref="RefreshAsync"/>, which builds one snapshot at a time.
/// </summary>
public sealed partial class SnapshotRefresher(
    ISnapshotSource source,
    SnapshotHolder holder,
    FrequencyCounter frequency,
    IOptions<ServingOptions> options,
    TimeProvider clock,
    ILogger<SnapshotRefresher> logger) : BackgroundService, IPipelineStepObserver
{
    /// <summary>Steps whose output serving reads: campaigns and history, rollups, profiles and segments, models.</summary>
    private static readonly HashSet<string> ServingSteps =
        [PipelineSteps.Seed, PipelineSteps.Rollup, PipelineSteps.Profile, PipelineSteps.Cluster, PipelineSteps.Train];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _requested;
    private long _satisfied;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SnapshotRefreshSeconds), clock);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Makes sure a snapshot whose build started after this call is current. Builds never overlap; callers that
    /// waited while a build they did not need ran share the next one instead of each starting their own.
    /// </summary>
    /// <returns>False when the build failed (logged; the previous snapshot keeps serving).</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var ticket = Interlocked.Increment(ref _requested);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _satisfied) >= ticket)
            {
                return true;
            }

            // Every request made until now is answered by a build that starts now.
            var covers = Volatile.Read(ref _requested);
            var swapped = false;
            frequency.BeginRebuild();
            try
            {
                swapped = holder.TrySwap(await source.BuildAsync(clock.GetUtcNow().UtcDateTime, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
            finally
            {
                if (swapped)
                {
                    frequency.CompleteRebuild();
                    Volatile.Write(ref _satisfied, covers);
                }
                else
                {
                    frequency.AbandonRebuild();
                }
            }

            return swapped;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Serving answers from the step's output as soon as the run shows as succeeded.</summary>
    public Task StepSucceededAsync(string stepName, CancellationToken cancellationToken) =>
        ServingSteps.Contains(stepName) ? RefreshAsync(cancellationToken) : Task.CompletedTask;

    public override void Dispose()
    {
        base.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the serving snapshot failed; serving keeps the previous one.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
