namespace AdStudio.Core.Pipeline;

public enum PipelineRunStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}
