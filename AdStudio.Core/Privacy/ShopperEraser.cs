using System.Text.Json;
using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Privacy;

/// <summary>
/// Erases a shopper: every row of <see cref="ShopperTables"/> in one transaction with a suppression entry and the
/// request log entry, then the in-memory structures of this node, then the engine's clean-up of deleted pages
/// (SQLite: a WAL checkpoint, connections have <c>secure_delete</c> on; PostgreSQL: a vacuum soon after).
/// Erasing an id twice, or one never seen, removes nothing and is still logged.
/// </summary>
public sealed class ShopperEraser(
    IDbContextFactory<AdStudioDb> dbFactory,
    ShopperPseudonyms pseudonyms,
    SnapshotHolder snapshots,
    AudienceIndex audience,
    FrequencyCounter frequency,
    ErasureVacuum vacuum,
    TimeProvider clock)
{
    public async Task<ErasureResult> EraseAsync(string shopperId, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopperId);
        var masked = pseudonyms.Mask(shopperId);
        var now = clock.GetUtcNow().UtcDateTime;
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = new PrivacyRequest
        {
            Type = PrivacyRequestTypes.Erasure,
            MaskedShopperId = masked,
            RequestedAt = now,
            RequestedBy = actor,
            Counts = "{}",
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var table in ShopperTables.All)
            {
                removed[table.Name] = await table.Erase(db, shopperId, ct);
            }

            // A second erasure of the same id keeps the first suppression (and must not fail on it).
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"SuppressedShoppers\" (\"KeyHash\", \"SuppressedAt\") VALUES ({pseudonyms.SuppressionKey(shopperId)}, {now}) ON CONFLICT DO NOTHING",
                ct);
            request.Counts = JsonSerializer.Serialize(removed);
            db.PrivacyRequests.Add(request);
            await db.SaveChangesAsync(ct);
            AuditTrail.Add(db, AuditTrail.Privacy, request.Id, actor, "erased", $"{masked}: {request.Counts}", now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // Only now: a snapshot or audience built from a read after this instant cannot hold the shopper any more.
        var erasedAt = clock.GetUtcNow().UtcDateTime;
        removed[ShopperStores.ServingSnapshot] = snapshots.Forget(shopperId, erasedAt);
        removed[ShopperStores.AudienceIndex] = audience.Forget(shopperId, erasedAt);
        removed[ShopperStores.FrequencyCounters] = frequency.Forget(shopperId);
        request.Counts = JsonSerializer.Serialize(removed);
        await db.SaveChangesAsync(CancellationToken.None);

        if (db.Database.IsSqlite())
        {
            // secure_delete zeroed the rows in the pages written to the WAL; the checkpoint moves those pages into the
            // database file and TRUNCATE empties the WAL, so the old page images go too.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", CancellationToken.None);
        }
        else
        {
            vacuum.Request();
        }

        return new ErasureResult(request.Id, removed);
    }
}
