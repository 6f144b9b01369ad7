namespace AdStudio.Core.Pipeline;

/// <summary>One run of a pipeline step in the durable ledger, so progress survives restarts and shows live in the UI.</summary>
public sealed class PipelineRun
{
    public int Id { get; set; }

    public required string Step { get; set; }

    public PipelineRunStatus Status { get; set; }

    /// <summary>Percent complete, 0–100.</summary>
    public int Progress { get; set; }

    public DateTime QueuedAt { get; set; }

    /// <summary>When the first attempt started; later attempts after an interruption keep it.</summary>
    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public string? Message { get; set; }

    /// <summary>How many times the run was started; above one after a restart re-queued it.</summary>
    public int Attempt { get; set; }

    /// <summary>When the current attempt started.</summary>
    public DateTime? AttemptStartedAt { get; set; }

    /// <summary>The last sign of life from the worker running it (start, progress or heartbeat).</summary>
    public DateTime? HeartbeatAt { get; set; }

    /// <summary>The <see cref="Nodes.ClusterNode"/> executing the current attempt; null while queued.</summary>
    public string? NodeId { get; set; }

    /// <summary>When the run was last found interrupted (by a restart or a lost worker); null if it never was.</summary>
    public DateTime? InterruptedAt { get; set; }
}
