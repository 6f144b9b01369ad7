using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Segments;

/// <summary>Reads the latest clustering's assignments from the database, without shoppers who have since withdrawn personalisation.</summary>
public sealed class ClusterMembership(IDbContextFactory<AdStudioDb> dbFactory) : IClusterMembership
{
    public async Task<IReadOnlyDictionary<string, List<string>>> LatestAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var withdrawn = ConsentQueries.WithoutPersonalisation(db);
        var rows = await db.ClusterAssignments.AsNoTracking().Where(a => !withdrawn.Contains(a.ShopperId)).Select(a => new { a.ClusterKey, a.ShopperId }).ToListAsync(ct);
        return rows.GroupBy(r => r.ClusterKey).ToDictionary(g => g.Key, g => g.Select(r => r.ShopperId).ToList());
    }
}
