using System.Globalization;
using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Simulation;

/// <summary>
/// Decides whether the <c>seed</c> step may wipe the database. It only ever clears data it made itself: an empty
/// database, or the leftovers of its own interrupted run. Anything else (a shopper outside the demo world, events
/// recorded after the seed started, campaigns, creatives or segments made since, a change anyone audited) is the
/// shop's own data, and the seed refuses rather than delete it.
/// </summary>
internal static class DemoSeedGuard
{
    private const string StartedPrefix = "started";

    /// <summary>The marker value of a run that started at <paramref name="at"/>.</summary>
    public static string StartedMarker(DateTime at) => $"{StartedPrefix} {at.ToString("O", CultureInfo.InvariantCulture)}";

    public static bool IsStarted(string? marker) => marker is not null && marker.StartsWith(StartedPrefix, StringComparison.Ordinal);

    /// <summary>Why the database holds data the seed did not make, or null when it may be cleared.</summary>
    public static async Task<string?> FindForeignDataAsync(AdStudioDb db, string? marker, SimulatedWorld world, CancellationToken ct)
    {
        if (marker is null)
        {
            return await AnyShopDataAsync(db, ct)
                ? "The database already holds shop data (shoppers, events, segments, creatives or campaigns); the demo seed only fills an empty database."
                : null;
        }

        // A marker written before runs recorded their start time proves nothing: every row counts as "after".
        var startedAt = ParseStart(marker);
        var demoShoppers = world.Shoppers.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        await foreach (var id in db.Shoppers.AsNoTracking().Select(s => s.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (id is not null && !demoShoppers.Contains(id))
            {
                return Refusal("shoppers that are not in the demo world");
            }
        }

        if (await db.BehaviourEvents.AnyAsync(e => e.OccurredAt >= startedAt, ct) || await db.AdEvents.AnyAsync(e => e.OccurredAt >= startedAt, ct))
        {
            return Refusal("events recorded after the interrupted seed started");
        }

        var eventShoppers = db.BehaviourEvents.Select(e => e.ShopperId).Union(db.AdEvents.Select(e => e.ShopperId));
        await foreach (var id in eventShoppers.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (id is not null && !demoShoppers.Contains(id))
            {
                return Refusal("events of shoppers that are not in the demo world");
            }
        }

        if (await db.Campaigns.AnyAsync(c => c.CreatedAt >= startedAt, ct)
            || await db.Creatives.AnyAsync(c => c.CreatedAt >= startedAt, ct)
            || await db.Segments.AnyAsync(s => s.CreatedAt >= startedAt, ct)
            || await db.Experiments.AnyAsync(e => e.CreatedAt >= startedAt, ct))
        {
            return Refusal("campaigns, creatives, segments or experiments created after the interrupted seed started");
        }

        // The seed writes no audit entries: an audited campaign or creative was touched by a person or a storefront.
        if (await db.AuditEntries.AnyAsync(a => a.EntityType == AuditTrail.Campaign || a.EntityType == AuditTrail.Creative, ct))
        {
            return Refusal("campaigns or creatives that someone changed");
        }

        return null;
    }

    private static async Task<bool> AnyShopDataAsync(AdStudioDb db, CancellationToken ct) =>
        await db.Shoppers.AnyAsync(ct) || await db.Campaigns.AnyAsync(ct) || await db.Creatives.AnyAsync(ct)
        || await db.Segments.AnyAsync(ct) || await db.BehaviourEvents.AnyAsync(ct) || await db.AdEvents.AnyAsync(ct);

    private static DateTime ParseStart(string marker) =>
        DateTime.TryParse(marker.AsSpan(StartedPrefix.Length).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTime.MinValue;

    private static string Refusal(string what) =>
        $"An interrupted demo seed left its marker, but the database also holds {what}. The seed will not wipe data it did not "
        + "create: remove that data, or the 'demo.seed' setting, by hand, or start from an empty database.";
}
