using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Segments.Rules;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Segments;

/// <summary>
/// Writes who belongs to each segment: rule segments from the audience, cluster segments from the latest
/// clustering. Membership is what targeting and <c>/serve</c> use, and each run records the size for history.
/// </summary>
public sealed class SegmentMaterializer(IDbContextFactory<AdStudioDb> dbFactory)
{
    /// <param name="clusterMembers">Members per cluster key from the latest clustering, if any.</param>
    /// <param name="only">Only segments of this kind (a clustering run leaves rule segments alone); null for all.</param>
    public async Task<int> MaterializeAsync(
        Audience audience, IReadOnlyDictionary<string, List<string>>? clusterMembers, DateTime now, CancellationToken ct, SegmentKind? only = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var segments = await db.Segments.Where(s => !s.IsArchived && (only == null || s.Kind == only)).ToListAsync(ct);
        var written = 0;
        foreach (var segment in segments)
        {
            List<string>? members = null;
            if (segment.Kind == SegmentKind.Rule && SegmentRule.Parse(segment.RuleJson).Rule is { } rule)
            {
                // The audience in memory may predate a withdrawal; membership never outlives it.
                members = await ConsentQueries.PersonalisableAsync(db, audience.Members(rule), ct);
            }
            else if (segment.Kind == SegmentKind.Cluster && segment.ClusterKey is { } key && clusterMembers?.TryGetValue(key, out var found) == true)
            {
                members = found;
            }

            if (members is null)
            {
                continue;
            }

            await ReplaceAsync(db, segment.Id, members, ct);
            segment.Size = members.Count;
            segment.MaterialisedAt = now;
            db.SegmentSizes.Add(new SegmentSizePoint { SegmentId = segment.Id, At = now, Size = members.Count });
            written++;
        }

        await db.SaveChangesAsync(ct);
        return written;
    }

    private static async Task ReplaceAsync(AdStudioDb db, int segmentId, List<string> members, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var delete = Sql.Command(connection, transaction, "DELETE FROM \"SegmentMembers\" WHERE \"SegmentId\" = @segment"))
        {
            Sql.Parameter(delete, "@segment", segmentId);
            await delete.ExecuteNonQueryAsync(ct);
        }

        await using (var insert = Sql.Command(connection, transaction, "INSERT INTO \"SegmentMembers\" (\"SegmentId\", \"ShopperId\") VALUES (@segment, @shopper)"))
        {
            Sql.Parameter(insert, "@segment", segmentId);
            var shopper = Sql.Parameter(insert, "@shopper");
            foreach (var id in members)
            {
                shopper.Value = id;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        await transaction.CommitAsync(ct);
    }
}
