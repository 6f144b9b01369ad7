using System.Data.Common;
using AdStudio.Core.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>
/// Every heartbeat interval, records outcomes the ledger refused earlier and fails runs whose worker went
/// silent (see <see cref="PipelineRunner.SweepAsync"/>), so no run stays <c>running</c> forever; then re-queues the runs
/// of nodes that are gone (see <see cref="PipelineLauncher.RecoverGoneNodesAsync"/>) and the waiting runs whose Hangfire job
/// was lost (see <see cref="PipelineLauncher.RequeueLostJobsAsync"/>).
/// </summary>
public sealed partial class PipelineSweeper(PipelineRunner runner, PipelineLauncher launcher, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<PipelineSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await runner.SweepAsync(stoppingToken);
                try
                {
                    await launcher.RecoverGoneNodesAsync(stoppingToken);
                    if (await launcher.RequeueLostJobsAsync(stoppingToken) is > 0 and var lost)
                    {
                        LogLostJobsRequeued(logger, lost);
                    }
                }
                catch (Exception ex) when (ex is DbException or DbUpdateException or TimeoutException)
                {
                    // The next tick tries again.
                    LogRecoveryFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} waiting runs had no Hangfire job left; queued them again.")]
    private static partial void LogLostJobsRequeued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovering the runs of gone nodes failed; trying again at the next sweep.")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
