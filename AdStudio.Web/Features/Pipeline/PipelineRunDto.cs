using AdStudio.Core.Pipeline;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>
/// A ledger entry as the API shows it; <c>status</c> is queued, running, succeeded or failed. <c>startedAt</c> is
/// the first attempt's start, <c>attemptStartedAt</c> the current one's; <c>interruptedAt</c> is set once a restart
/// or a lost worker interrupted the run; <c>nodeId</c> is the node that claimed the current (or last) attempt.
/// </summary>
public sealed record PipelineRunDto(
    int Id,
    string Step,
    string Status,
    int Progress,
    DateTime QueuedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    string? Message,
    int Attempt,
    int MaxAttempts,
    DateTime? AttemptStartedAt,
    DateTime? HeartbeatAt,
    bool Interrupted,
    DateTime? InterruptedAt,
    string? NodeId)
{
    public static PipelineRunDto From(PipelineRun run, int maxAttempts) => new(
        run.Id,
        run.Step,
        run.Status.ToString().ToLowerInvariant(),
        run.Progress,
        run.QueuedAt,
        run.StartedAt,
        run.FinishedAt,
        run.Message,
        run.Attempt,
        maxAttempts,
        run.AttemptStartedAt,
        run.HeartbeatAt,
        run.InterruptedAt is not null,
        run.InterruptedAt,
        run.NodeId);
}
