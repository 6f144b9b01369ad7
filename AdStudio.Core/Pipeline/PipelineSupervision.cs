namespace AdStudio.Core.Pipeline;

/// <summary>How the runner proves a run is alive and how hard it tries to record an outcome.</summary>
public sealed class PipelineSupervision
{
    /// <summary>How often a running step writes a heartbeat to the ledger.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A running run with no heartbeat for this long, and not running in this process, is orphaned.</summary>
    public TimeSpan OrphanAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the runner retries the write that records a run's outcome before leaving it to the sweep.</summary>
    public TimeSpan FinishRetryBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts a run gets; a run interrupted during its last attempt is marked failed instead of queued again.</summary>
    public int MaxAttempts { get; init; } = 3;
}
