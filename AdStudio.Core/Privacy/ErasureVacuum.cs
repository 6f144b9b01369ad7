using System.Threading.Channels;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdStudio.Core.Privacy;

/// <summary>
/// Vacuums the shopper tables on PostgreSQL after erasures, outside the erasure's transaction and off the request:
/// PostgreSQL has no secure delete, so erased rows stay readable in table pages until a vacuum reclaims them.
/// Requests made while a vacuum runs are folded into one more.
/// </summary>
public sealed partial class ErasureVacuum(IDbContextFactory<AdStudioDb> dbFactory, ILogger<ErasureVacuum> logger)
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a vacuum soon; returns at once.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    /// <summary>Runs requested vacuums until <paramref name="ct"/> is cancelled (a hosted service calls this).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await foreach (var _ in _requests.Reader.ReadAllAsync(ct))
        {
            try
            {
                await VacuumAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogVacuumFailed(logger, ex);
            }
        }
    }

    private async Task VacuumAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var table in ShopperTables.All)
        {
            // Names come from the EF model, never from input. VACUUM refuses to run inside a transaction; EF runs this without one.
            var vacuum = "VACUUM \"" + db.Model.FindEntityType(table.EntityType)!.GetTableName() + "\"";
            await db.Database.ExecuteSqlRawAsync(vacuum, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Vacuuming the shopper tables after an erasure failed; the next erasure or autovacuum retries.")]
    private static partial void LogVacuumFailed(ILogger logger, Exception exception);
}
