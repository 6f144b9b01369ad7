using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Auditing;

/// <summary>Reads the audit trail, newest first, in pages keyed by id (stable while new entries arrive).</summary>
public sealed class AuditLog(IDbContextFactory<AdStudioDb> dbFactory)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public async Task<AuditPage> SearchAsync(AuditFilter filter, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // Exact match, so the (Actor, At) index serves it; actors are stored trimmed, as the signed-in e-mail.
            var actor = filter.Actor.Trim();
            query = query.Where(a => a.Actor == actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var entity = filter.EntityType.Trim();
            query = query.Where(a => a.EntityType == entity);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.At < to);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        // Ids grow with insertion, so id order is time order without ties, and the cursor never skips or repeats.
        var entries = await query.OrderByDescending(a => a.Id).Take(limit + 1).ToListAsync(ct);
        var more = entries.Count > limit;
        if (more)
        {
            entries.RemoveAt(entries.Count - 1);
        }

        return new AuditPage(entries, more ? entries[^1].Id : null);
    }
}
