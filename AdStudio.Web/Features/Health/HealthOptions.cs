using System.ComponentModel.DataAnnotations;

namespace AdStudio.Web.Features.Health;

/// <summary>Bounds of the health checks (section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>How long the database write probe waits for another writer's lock before it reports Unhealthy.</summary>
    [Range(1, 30)]
    public int WriteProbeTimeoutSeconds { get; set; } = 2;

    /// <summary>A failed event write keeps the database check Unhealthy for this long unless a later write succeeds.</summary>
    [Range(0, 3600)]
    public int RecentWriteFailureSeconds { get; set; } = 30;
}
