using AdStudio.Core.Serving;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Health;

/// <summary>Degraded when the serving snapshot has not been rebuilt for several refresh periods.</summary>
public sealed class SnapshotHealthCheck(SnapshotHolder holder, IOptions<ServingOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var age = clock.GetUtcNow().UtcDateTime - holder.Current.BuiltAt;
        var limit = TimeSpan.FromSeconds(options.Value.SnapshotRefreshSeconds * 5);
        var data = new Dictionary<string, object> { ["campaigns"] = holder.Current.Campaigns.Count };
        return Task.FromResult(age <= limit
            ? HealthCheckResult.Healthy($"Serving snapshot is {age.TotalSeconds:F0} s old.", data)
            : HealthCheckResult.Degraded($"Serving snapshot is stale ({age.TotalSeconds:F0} s old).", data: data));
    }
}
