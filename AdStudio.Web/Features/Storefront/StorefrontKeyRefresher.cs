using AdStudio.Core.Infrastructure;
using AdStudio.Core.Storefront;
using AdStudio.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Storefront;

/// <summary>
/// Rebuilds the key ring from the database: before the app takes requests, right after a key is created or revoked
/// on this node, and on a timer so keys changed on other nodes arrive too. A failed rebuild keeps the previous ring.
/// </summary>
public sealed partial class StorefrontKeyRefresher(
    IDbContextFactory<AdStudioDb> dbFactory,
    StorefrontKeyHolder holder,
    StorefrontKeyUsages usages,
    IOptions<AuthOptions> auth,
    IOptions<StorefrontOptions> options,
    TimeProvider clock,
    ILogger<StorefrontKeyRefresher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The first ring is in place before Kestrel starts listening: no request meets an empty ring.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Configuration keys work even when the database cannot be read at start.
        holder.Swap(StorefrontKeyRing.Build([], auth.Value.StorefrontKeys, usages));
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.KeyRefreshSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RefreshAsync(stoppingToken);
        }
    }

    /// <summary>
    /// Reads the keys and swaps the ring in. One rebuild at a time: a call made while another runs waits and then
    /// reads again, so after it returns the ring reflects every change committed before the call.
    /// </summary>
    /// <returns>False when reading failed (logged; the previous ring stays).</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var stored = await db.StorefrontKeys.AsNoTracking().Where(k => k.RevokedAt == null).ToListAsync(cancellationToken);
            holder.Swap(StorefrontKeyRing.Build(stored, auth.Value.StorefrontKeys, usages));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(logger, ex);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the storefront keys failed; the previous keys stay in force.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
