using AdStudio.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>
/// Every heartbeat interval, records outcomes the ledger refused earlier and fails runs whose worker went
/// silent (see <see cref="PipelineRunner.SweepAsync"/>), so no run stays <c>running</c> forever.
/// </summary>
public sealed class PipelineSweeper(PipelineRunner runner, IOptions<PipelineOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await runner.SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
