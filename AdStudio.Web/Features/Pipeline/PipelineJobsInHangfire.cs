using Hangfire;
using Hangfire.Common;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>Which ledger runs Hangfire holds a live job for: one waiting in a queue or one processing.</summary>
public static class PipelineJobsInHangfire
{
    // Far more than ever wait at once: a few steps, each queued at most once.
    private const int MaxListed = 1000;

    public static HashSet<int> HeldRunIds(JobStorage storage)
    {
        var monitor = storage.GetMonitoringApi();
        var jobs = monitor.Queues()
            .SelectMany(q => monitor.EnqueuedJobs(q.Name, 0, MaxListed).Select(j => j.Value.Job))
            .Concat(monitor.ProcessingJobs(0, MaxListed).Select(j => j.Value.Job));
        return [.. jobs.Select(RunIdOf).OfType<int>()];
    }

    private static int? RunIdOf(Job? job) =>
        job is { Method.Name: nameof(PipelineJob.RunAsync) } && job.Args.Count > 0 && job.Args[0] is int runId ? runId : null;
}
