using AdStudio.Core.Pipeline;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>A ledger entry as the API shows it; <c>status</c> is queued, running, succeeded or failed.</summary>
public sealed record PipelineRunDto(
    int Id,
    string Step,
    string Status,
    int Progress,
    DateTime QueuedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    string? Message,
    int Attempt)
{
    public static PipelineRunDto From(PipelineRun run) => new(
        run.Id,
        run.Step,
        run.Status.ToString().ToLowerInvariant(),
        run.Progress,
        run.QueuedAt,
        run.StartedAt,
        run.FinishedAt,
        run.Message,
        run.Attempt);
}
