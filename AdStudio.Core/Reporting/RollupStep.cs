using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Privacy;
using AdStudio.Core.Privacy.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Reporting;

/// <summary>
/// Rebuilds <see cref="DailyRollup"/> from the raw ad events in one transaction. The event writer keeps
/// rollups current incrementally; this step reconciles them (after an import, a repair or a schema change). Days before
/// the ad-event retention cut-off are left alone: their raw events are (partly) deleted, and their rollups are all that is kept.
/// </summary>
public sealed class RollupStep(IDbContextFactory<AdStudioDb> dbFactory, IOptions<PrivacyOptions> privacy, TimeProvider clock) : IPipelineStep
{
    private const int RebuildSlices = 20;

    private const string RebuildHead =
        """
        INSERT INTO "DailyRollups" ("Date", "CampaignId", "CreativeId", "VariantId", "Impressions", "Clicks", "Conversions", "Cost", "Revenue")
        SELECT 
        """;

    private const string RebuildCounts =
        """
        , "CampaignId", "CreativeId", COALESCE("VariantId", 0),
               SUM(CASE WHEN "Type" = 0 THEN 1 ELSE 0 END),
               SUM(CASE WHEN "Type" = 1 THEN 1 ELSE 0 END),
               SUM(CASE WHEN "Type" = 2 THEN 1 ELSE 0 END),
        """;

    private const string RebuildFrom =
        """

        FROM "AdEvents"
        WHERE "OccurredAt" >= {0} AND "OccurredAt" < {1}
        GROUP BY 
        """;

    private const string RebuildTail = """, "CampaignId", "CreativeId", COALESCE("VariantId", 0)""";

    /// <summary>The rebuild statement in <paramref name="dialect"/>.</summary>
    internal static string RebuildSql(SqlDialect dialect)
    {
        var day = dialect.DayOf("\"OccurredAt\"");
        // Each event's cost and revenue count between 0 and ValueBounds.MaxMoney (NaN is stored as NULL), as RollupDeltas does.
        var money = $"SUM({dialect.Clamp("COALESCE(\"Cost\", 0)", "1e12")}), SUM({dialect.Clamp("COALESCE(\"Revenue\", 0)", "1e12")})";
        return $"{RebuildHead}{day}{RebuildCounts}{money}{RebuildFrom}{day}{RebuildTail}";
    }

    public string Name => PipelineSteps.Rollup;

    public async Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        progress.Report(0.1);
        var keptFrom = RetentionCutoffs.At(clock.GetUtcNow().UtcDateTime, privacy.Value).FirstWholeAdEventDay;
        await db.DailyRollups.Where(r => r.Date >= keptFrom).ExecuteDeleteAsync(cancellationToken);
        progress.Report(0.2);
        var rows = 0;
        var sql = RebuildSql(SqlDialect.For(db.Database));
        // Whole days in slices, so progress moves through the long part; every slice uses the OccurredAt index.
        var keptFromTime = keptFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var first = await db.AdEvents.Where(e => e.OccurredAt >= keptFromTime).MinAsync(e => (DateTime?)e.OccurredAt, cancellationToken);
        var last = await db.AdEvents.MaxAsync(e => (DateTime?)e.OccurredAt, cancellationToken);
        if (first is { } from && last is { } to)
        {
            var start = DateTime.SpecifyKind(from.Date, DateTimeKind.Utc);
            var days = (int)(to.Date - from.Date).TotalDays + 1;
            var slices = Math.Min(days, RebuildSlices);
            for (var i = 0; i < slices; i++)
            {
                var sliceStart = start.AddDays(days * i / slices);
                var sliceEnd = start.AddDays(days * (i + 1) / slices);
                rows += await db.Database.ExecuteSqlRawAsync(sql, [sliceStart, sliceEnd], cancellationToken);
                progress.Report(0.2 + (0.7 * (i + 1) / slices));
            }
        }

        progress.Report(0.9);
        await transaction.CommitAsync(cancellationToken);
        progress.Report(1);
        return $"Rebuilt {rows} daily rollup rows from the ad events.";
    }
}
