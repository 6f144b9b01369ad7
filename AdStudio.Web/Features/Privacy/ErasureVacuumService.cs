using AdStudio.Core.Privacy;

namespace AdStudio.Web.Features.Privacy;

/// <summary>Runs the PostgreSQL vacuums erasures ask for, off the request that asked.</summary>
public sealed class ErasureVacuumService(ErasureVacuum vacuum) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await vacuum.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
