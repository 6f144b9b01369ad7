using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Pipeline;

[Collection(RunningApp.Name)]
public sealed class PipelineScheduleTests(AppHost app)
{
    [Fact]
    public async Task RunScheduledAsync_StepAlreadyRunning_StartsNoSecondRun()
    {
        var ledger = app.Services.GetRequiredService<PipelineLedger>();
        var held = await ledger.TryQueueAsync(PipelineSteps.Rollup, CancellationToken.None);
        Assert.True(held.Created);
        var attempt = await ledger.TryStartAsync(held.Run.Id, CancellationToken.None);
        try
        {
            await app.Services.GetRequiredService<PipelineJob>().RunScheduledAsync(PipelineSteps.Rollup, CancellationToken.None);

            await using var db = app.OpenDb();
            var since = await db.PipelineRuns.Where(r => r.Step == PipelineSteps.Rollup && r.Id >= held.Run.Id).Select(r => r.Id).ToListAsync();
            Assert.Equal([held.Run.Id], since);
            Assert.Equal(PipelineRunStatus.Running, (await ledger.FindAsync(held.Run.Id, CancellationToken.None))!.Status);
        }
        finally
        {
            await ledger.SucceedAsync(held.Run.Id, attempt!.Value, "Held by a test.", CancellationToken.None);
        }
    }

    [Fact]
    public async Task RunScheduledAsync_TwoTriggersAtOnce_RunsNeverOverlap()
    {
        int before;
        await using (var db = app.OpenDb())
        {
            before = await db.PipelineRuns.MaxAsync(r => r.Id);
        }

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            app.Services.GetRequiredService<PipelineJob>().RunScheduledAsync(PipelineSteps.Rollup, CancellationToken.None))));

        // The second trigger either skipped (the first was under way) or came after the first had finished.
        await using var after = app.OpenDb();
        var runs = await after.PipelineRuns.Where(r => r.Step == PipelineSteps.Rollup && r.Id > before).OrderBy(r => r.Id).ToListAsync();
        Assert.InRange(runs.Count, 1, 2);
        Assert.All(runs, r => Assert.Equal((PipelineRunStatus.Succeeded, 1), (r.Status, r.Attempt)));
        if (runs.Count == 2)
        {
            Assert.True(runs[1].AttemptStartedAt >= runs[0].FinishedAt, "the second run started before the first finished");
        }
    }
}
