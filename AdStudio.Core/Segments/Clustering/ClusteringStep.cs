using System.Globalization;
using System.Text.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Segments.Clustering;

/// <summary>
/// The <c>cluster</c> step: clusters the current audience with k-means for k in 3–10, keeps the k with the best
/// silhouette, names each cluster, carries keys over from the previous run, stores assignments and the
/// diagnostics, and refreshes the segments adopted from clusters (rule segments are the profiling run's job).
/// </summary>
public sealed class ClusteringStep(
    IDbContextFactory<AdStudioDb> dbFactory,
    AudienceIndex audiences,
    SegmentMaterializer materializer,
    IClusterMembership membership,
    TimeProvider clock) : IPipelineStep
{
    public const string DiagnosticsKey = "cluster.diagnostics";
    public const int MinK = 3;
    public const int MaxK = 10;
    private const int Seed = 7;

    public string Name => PipelineSteps.Cluster;

    public async Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var audience = await audiences.GetAsync(cancellationToken);
        var profiled = audience.Rows.Select((r, i) => (r, i)).Where(x => x.r.DaysSinceLastVisit is not null).ToList();
        var subset = new Audience(audience.BuiltAt, [.. profiled.Select(x => x.r)], [.. audience.Categories]);
        var (features, points) = ClusterFeatures.Build(subset);
        progress.Report(0.1);
        var result = KMeansClusterer.Fit(points, MinK, MaxK, Seed);
        progress.Report(0.7);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var previous = (await db.Clusters.AsNoTracking().ToListAsync(cancellationToken))
            .Select(c => (c.Key, JsonSerializer.Deserialize<float[]>(c.CentroidJson) ?? [])).ToList();
        var keys = ClusterKeys.Assign(result.Centroids, previous, () => "c-" + Guid.NewGuid().ToString("N")[..8]);
        await db.ClusterAssignments.ExecuteDeleteAsync(cancellationToken);
        await db.Clusters.ExecuteDeleteAsync(cancellationToken);
        for (var c = 0; c < result.K; c++)
        {
            db.Clusters.Add(new Cluster
            {
                Key = keys[c],
                Label = ClusterLabeler.Label(features.Names, result.Centroids[c]),
                Size = result.Labels.Count(l => l == c),
                CentroidJson = JsonSerializer.Serialize(result.Centroids[c]),
                RunAt = now,
            });
        }

        db.ClusterAssignments.AddRange(profiled.Select((x, i) => new ClusterAssignment { ShopperId = x.r.ShopperId, ClusterKey = keys[result.Labels[i]] }));
        var diagnostics = JsonSerializer.Serialize(new ClusterDiagnostics(result.K, result.Silhouette, result.SilhouetteByK.ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value), now));
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == DiagnosticsKey, cancellationToken);
        if (setting is null)
        {
            db.Settings.Add(new Setting { Key = DiagnosticsKey, Value = diagnostics });
        }
        else
        {
            setting.Value = diagnostics;
        }

        await db.SaveChangesAsync(cancellationToken);
        progress.Report(0.9);
        await materializer.MaterializeAsync(audience, await membership.LatestAsync(cancellationToken), now, cancellationToken, SegmentKind.Cluster);
        progress.Report(1);
        var kept = keys.Count(k => previous.Any(p => p.Key == k));
        return $"{result.K} clusters of {profiled.Count:N0} profiled shoppers (silhouette {result.Silhouette:F3}); {kept} kept their identity from the previous run.";
    }
}
