using AdStudio.Core.Serving;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Serving;

/// <summary>Rebuilds the serving snapshot on a timer and swaps it in; a failed build keeps the previous one.</summary>
public sealed partial class SnapshotRefresher(
    SnapshotBuilder builder,
    SnapshotHolder holder,
    FrequencyCounter frequency,
    IOptions<ServingOptions> options,
    TimeProvider clock,
    ILogger<SnapshotRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SnapshotRefreshSeconds), clock);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Live counts start afresh as the new snapshot reads the day's impressions from the database.
            frequency.Reset();
            holder.Swap(await builder.BuildAsync(clock.GetUtcNow().UtcDateTime, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the serving snapshot failed; serving keeps the previous one.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
