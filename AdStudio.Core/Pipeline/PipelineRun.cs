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

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public string? Message { get; set; }

    /// <summary>How many times the run was started; above one after a restart re-queued it.</summary>
    public int Attempt { get; set; }
}
