using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Pipeline;

/// <summary>
/// A run waiting in the ledger whose Hangfire job is gone (Hangfire.PostgreSql can drop a job's queue entry and leave
/// it Enqueued) is queued again by the sweeper and runs, instead of waiting forever.
/// </summary>
[Collection(OwnApps.Name)]
public sealed class LostJobRecoveryTests
{
    [Fact]
    public async Task Sweep_WaitingRunWithoutAJob_IsQueuedAgainAndSucceeds()
    {
        var directory = TempFolder.Create("lost-job");
        try
        {
            await using var factory = new AdStudioFactory(directory, new Dictionary<string, string>
            {
                ["Demo:Enabled"] = "false",
                ["Pipeline:HeartbeatSeconds"] = "1",
                ["Pipeline:RollupCron"] = "",
            });
            factory.StartServer();
            var runId = await WaitingRunWithoutJobAsync(factory.Services);

            var run = await Poll.UntilAsync(
                () => FindAsync(factory.Services, runId), r => r.Status is PipelineRunStatus.Succeeded or PipelineRunStatus.Failed,
                TimeSpan.FromSeconds(60), "the lost run to be queued again and finish");

            Assert.Equal(PipelineRunStatus.Succeeded, run.Status);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            await TestStorage.DropAsync(directory);
            TempFolder.Delete(directory);
        }
    }

    /// <summary>A rollup run recorded as waiting a minute ago, as the launcher records one, but never handed to Hangfire.</summary>
    private static async Task<int> WaitingRunWithoutJobAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AdStudioDb>>().CreateDbContextAsync();
        var run = new PipelineRun
        {
            Step = PipelineSteps.Rollup,
            Status = PipelineRunStatus.Queued,
            QueuedAt = DateTime.UtcNow.AddMinutes(-1),
            Message = "Waiting for a worker.",
        };
        db.PipelineRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private static async Task<PipelineRun> FindAsync(IServiceProvider services, int runId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AdStudioDb>>().CreateDbContextAsync();
        return await db.PipelineRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }
}
