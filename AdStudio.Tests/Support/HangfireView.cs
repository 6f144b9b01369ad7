using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Support;

/// <summary>What an app's Hangfire storage holds, told in a line: when a run stays queued, this says whether its job waits, runs, failed or was never seen.</summary>
internal static class HangfireView
{
    public static string Describe(IServiceProvider services)
    {
        var monitor = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var stats = monitor.GetStatistics();
        var servers = monitor.Servers().Select(s => $"{s.Name} ({s.WorkersCount} workers, beat {s.Heartbeat:HH:mm:ss})");
        var processing = monitor.ProcessingJobs(0, 10).Select(j => $"{j.Key} {Call(j.Value.Job)} on {j.Value.ServerId} since {j.Value.StartedAt:HH:mm:ss}");
        var enqueued = monitor.EnqueuedJobs("default", 0, 10).Select(j => $"{j.Key} {Call(j.Value.Job)}");
        var failed = monitor.FailedJobs(0, 5).Select(j => $"{j.Key} {Call(j.Value.Job)}: {j.Value.ExceptionType} {j.Value.ExceptionMessage}");
        var succeeded = monitor.SucceededJobs(0, 5).Select(j => $"{j.Key} {Call(j.Value.Job)}");
        return $"Hangfire: {stats.Enqueued} enqueued, {stats.Processing} processing, {stats.Failed} failed, {stats.Succeeded} succeeded; "
            + $"servers [{string.Join("; ", servers)}]; processing [{string.Join("; ", processing)}]; enqueued [{string.Join("; ", enqueued)}]; "
            + $"failed [{string.Join("; ", failed)}]; last succeeded [{string.Join("; ", succeeded)}]";
    }

    private static string Call(Hangfire.Common.Job? job) =>
        job is null ? "(unreadable job)" : $"{job.Method.Name}({string.Join(", ", job.Args.Take(2))})";
}
