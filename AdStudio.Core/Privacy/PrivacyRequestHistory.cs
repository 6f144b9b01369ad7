using System.Text.Json;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Privacy;

/// <summary>Reads the access and erasure request log, newest first, in pages keyed by id (as the audit log).</summary>
public sealed class PrivacyRequestHistory(IDbContextFactory<AdStudioDb> dbFactory)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public async Task<PrivacyRequestPage> ListAsync(int limit, int? before, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.PrivacyRequests.AsNoTracking();
        if (before is { } cursor)
        {
            query = query.Where(r => r.Id < cursor);
        }

        var requests = await query.OrderByDescending(r => r.Id).Take(limit + 1).ToListAsync(ct);
        var more = requests.Count > limit;
        if (more)
        {
            requests.RemoveAt(requests.Count - 1);
        }

        // A model's TrainedAt is when its training run started: one that started after the erasure never read the shopper.
        var trainings = await db.ModelVersions.AsNoTracking().Select(m => m.TrainedAt).Distinct().ToListAsync(ct);
        trainings.Sort();
        var entries = requests.Select(r => new PrivacyRequestEntry(
            r.Id,
            r.Type,
            r.MaskedShopperId,
            r.RequestedAt,
            r.RequestedBy,
            JsonSerializer.Deserialize<Dictionary<string, int>>(r.Counts) ?? [],
            r.Type == PrivacyRequestTypes.Erasure ? trainings.Cast<DateTime?>().FirstOrDefault(t => t > r.RequestedAt) : null)).ToList();
        return new PrivacyRequestPage(entries, more ? entries[^1].Id : null);
    }
}
