using System.Text.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Segments.Rules;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Segments;

/// <summary>Reads consenting shoppers and their profiles into an <see cref="Audience"/>.</summary>
public sealed class AudienceLoader(IDbContextFactory<AdStudioDb> dbFactory)
{
    public async Task<Audience> LoadAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (rows, categories) = await ReadAsync(db, db.Shoppers.AsNoTracking().Where(s => s.AllowsPersonalisation), [], now, ct);
        return new Audience(now, rows, categories);
    }

    /// <summary>
    /// The audience with only <paramref name="changed"/> shoppers re-read and shoppers who withdrew consent
    /// removed; everyone else is carried over (their "days since" figures age until the next full load).
    /// Falls back to a full load when a new category appears.
    /// </summary>
    public async Task<Audience> RefreshAsync(Audience current, IReadOnlyCollection<string> changed, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var withdrawn = (await db.Shoppers.AsNoTracking().Where(s => !s.AllowsPersonalisation).Select(s => s.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = new List<AudienceRow>();
        foreach (var chunk in changed.Chunk(500))
        {
            var (rows, categories) = await ReadAsync(db, db.Shoppers.AsNoTracking().Where(s => s.AllowsPersonalisation && chunk.Contains(s.Id)), current.Categories, now, ct);
            if (categories.Length != current.Categories.Count)
            {
                return await LoadAsync(now, ct);
            }

            fresh.AddRange(rows);
        }

        var replaced = fresh.Select(r => r.ShopperId).ToHashSet(StringComparer.Ordinal);
        var merged = current.Rows.Where(r => !replaced.Contains(r.ShopperId) && !withdrawn.Contains(r.ShopperId)).Concat(fresh).ToArray();
        return new Audience(now, merged, [.. current.Categories]);
    }

    /// <param name="knownCategories">Categories to index by first (keeps an existing audience's order); others are appended.</param>
    private static async Task<(AudienceRow[] Rows, string[] Categories)> ReadAsync(
        AdStudioDb db, IQueryable<Shoppers.Shopper> shoppers, IReadOnlyList<string> knownCategories, DateTime now, CancellationToken ct)
    {
        var rows = await shoppers
            .GroupJoin(db.Profiles.AsNoTracking(), s => s.Id, p => p.ShopperId, (s, ps) => new { s, ps })
            .SelectMany(x => x.ps.DefaultIfEmpty(), (x, p) => new { x.s.Id, x.s.Region, x.s.Gender, x.s.AgeBand, Profile = p })
            .ToListAsync(ct);
        var interests = rows.Select(r => r.Profile is null ? [] : JsonSerializer.Deserialize<Dictionary<string, double>>(r.Profile.InterestsJson) ?? []).ToList();
        var categories = knownCategories.Concat(interests.SelectMany(i => i.Keys).Where(k => !knownCategories.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)).ToArray();
        var index = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.OrdinalIgnoreCase);
        var audience = new AudienceRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var profile = row.Profile;
            var vector = new float[categories.Length];
            foreach (var (category, share) in interests[i])
            {
                vector[index[category]] = (float)share;
            }

            audience[i] = new AudienceRow
            {
                ShopperId = row.Id,
                Region = row.Region,
                Gender = row.Gender,
                AgeBand = row.AgeBand,
                DaysSinceLastVisit = profile?.LastVisitAt is { } visit ? (now - visit).TotalDays : null,
                DaysSinceLastPurchase = profile?.LastPurchaseAt is { } purchase ? (now - purchase).TotalDays : null,
                Visits7d = profile?.Visits7d ?? 0,
                Visits30d = profile?.Visits30d ?? 0,
                Purchases7d = profile?.Purchases7d ?? 0,
                Purchases30d = profile?.Purchases30d ?? 0,
                Spend30d = profile?.Spend30d ?? 0,
                Spend90d = profile?.Spend90d ?? 0,
                AverageDwellSeconds = profile?.AverageDwellSeconds ?? 0,
                PriceSensitivity = profile?.PriceSensitivity,
                PreferredDaypart = profile?.PreferredDaypart ?? "",
                Interests = vector,
                TopCategories = profile is null ? [] : profile.TopCategories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            };
        }

        return (audience, categories);
    }
}
