using AdStudio.Core.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Health;

/// <summary>
/// Healthy only when the database takes a write now (a real committed probe) and the event writer has not
/// failed recently without a success since. A read would answer from a read-only or full database too.
/// </summary>
/// <remarks>
/// The writer's failure ages out after <see cref="HealthOptions.RecentWriteFailureSeconds"/>: an instance taken out
/// of rotation gets no events, so a failure only a new write could clear would keep it out for good.
/// </remarks>
public sealed class DatabaseHealthCheck(
    StorageProbe probe, StorageWriteState writes, IOptions<HealthOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await probe.WriteAsync(options.Value.WriteProbeTimeoutSeconds, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database cannot be written ({Describe(StorageFaults.Classify(ex))}).", ex);
        }

        var latest = writes.Latest;
        var age = clock.GetUtcNow() - latest.At;
        if (latest.Failed && age <= TimeSpan.FromSeconds(options.Value.RecentWriteFailureSeconds))
        {
            return HealthCheckResult.Unhealthy(
                $"The latest event write failed ({Describe(latest.Fault)}) {age.TotalSeconds:F0} s ago and none has succeeded since.");
        }

        return HealthCheckResult.Healthy("The database takes writes.");
    }

    private static string Describe(StorageFaultKind fault) => fault switch
    {
        StorageFaultKind.None => "not a storage fault",
        _ => fault.ToString(),
    };
}
