using AdStudio.Core.Infrastructure;
using AdStudio.Core.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Storefront;

/// <summary>
/// Writes the keys' request counts and last use to the database every few seconds, never per request. Counts are
/// added to the stored ones, so several nodes flushing the same key add up; a failed write keeps them for the next.
/// </summary>
public sealed partial class StorefrontUsageFlusher(
    IDbContextFactory<AdStudioDb> dbFactory,
    StorefrontKeyUsages usages,
    IOptions<StorefrontOptions> options,
    TimeProvider clock,
    ILogger<StorefrontUsageFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.UsageFlushSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Adds what each stored key did since the last flush to its row.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (keyId, usage) in usages.All)
        {
            if (keyId < 0)
            {
                continue; // Keys from configuration have no row.
            }

            var (requests, lastUsed) = usage.Take();
            if (requests == 0 || lastUsed is not { } at)
            {
                continue;
            }

            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await db.StorefrontKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(
                    s => s.SetProperty(k => k.RequestCount, k => k.RequestCount + requests)
                          .SetProperty(k => k.LastUsedAt, k => k.LastUsedAt == null || k.LastUsedAt < at ? at : k.LastUsedAt),
                    cancellationToken);
            }
            catch (Exception ex)
            {
                usage.Restore(requests);
                if (ex is OperationCanceledException)
                {
                    throw;
                }

                LogFlushFailed(logger, keyId, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the usage of storefront key {KeyId} failed; it is kept for the next flush.")]
    private static partial void LogFlushFailed(ILogger logger, int keyId, Exception exception);
}
