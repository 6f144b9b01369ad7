using System.Data.Common;
using AdStudio.Core.Nodes;
using AdStudio.Core.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>
/// Beats this node's <see cref="ClusterNode.HeartbeatAt"/> while the process lives and records its clean stop, so the
/// other nodes re-queue what it was running only once it is really gone (see docs/durability.md).
/// </summary>
public sealed partial class NodeHeartbeat(NodeRegistry registry, PipelineRunner runner, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<NodeHeartbeat> logger) : BackgroundService
{
    // Recording the stop must not hold shutdown up for long: a node that fails to record it is taken as gone after missed beats.
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.NodeHeartbeatSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await registry.BeatAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is DbException or DbUpdateException or TimeoutException)
                {
                    // One missed beat is harmless; several make the other nodes take this node's runs, which is right
                    // for a node that cannot reach the database.
                    LogBeatFailed(logger, ex, registry.Node.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (runner.HasLiveRuns)
        {
            // A step that did not stop within Hangfire's shutdown timeout may still be running: a recorded stop would
            // let another node start it again at once, while missed beats only do so once this process is gone.
            LogStoppedWithLiveRuns(logger, registry.Node.Id);
            return;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(StopBudget);
        try
        {
            // Best effort: a host torn down out of order (the test hosts) has disposed the database's services by now;
            // an unrecorded stop is a crash to the others, which recover it after missed beats.
            await registry.StopAsync(budget.Token);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            LogStopNotRecorded(logger, ex, registry.Node.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeId} could not record its heartbeat.")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception, string nodeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeId} stops with steps still running; other nodes take its runs after missed beats.")]
    private static partial void LogStoppedWithLiveRuns(ILogger logger, string nodeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeId} could not record its clean stop; other nodes take it as gone after missed beats.")]
    private static partial void LogStopNotRecorded(ILogger logger, Exception exception, string nodeId);
}
