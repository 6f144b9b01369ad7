using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Core.Pipeline;

public sealed class PipelineLedgerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FixedClock _clock = new(T0);
    private TestDatabase _db = null!;
    private PipelineLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _ledger = new PipelineLedger(_db.Factory, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TryStartAsync_AfterInterruption_KeepsFirstStartAndCountsAttempt()
    {
        var run = await _ledger.QueueAsync("train", CancellationToken.None);
        await _ledger.TryStartAsync(run.Id, CancellationToken.None);
        _clock.Now = T0.AddMinutes(5);
        await _ledger.RequeueUnfinishedAsync(3, CancellationToken.None);
        _clock.Now = T0.AddMinutes(6);

        var attempt = await _ledger.TryStartAsync(run.Id, CancellationToken.None);

        var again = await _ledger.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal(2, attempt);
        Assert.Equal((PipelineRunStatus.Running, 2), (again!.Status, again.Attempt));
        Assert.Equal(T0.UtcDateTime, again.StartedAt);
        Assert.Equal(T0.AddMinutes(6).UtcDateTime, again.AttemptStartedAt);
        Assert.Equal(T0.AddMinutes(5).UtcDateTime, again.InterruptedAt);
    }

    [Fact]
    public async Task RequeueUnfinishedAsync_InterruptedDuringLastAttempt_MarksFailedWithReason()
    {
        var run = await _ledger.QueueAsync("train", CancellationToken.None);
        await _ledger.TryStartAsync(run.Id, CancellationToken.None);
        Assert.Single(await _ledger.RequeueUnfinishedAsync(2, CancellationToken.None));
        await _ledger.TryStartAsync(run.Id, CancellationToken.None);

        var requeued = await _ledger.RequeueUnfinishedAsync(2, CancellationToken.None);

        Assert.Empty(requeued);
        var failed = await _ledger.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal((PipelineRunStatus.Failed, 2), (failed!.Status, failed.Attempt));
        Assert.Contains("attempt 2 of 2; not queued again", failed.Message, StringComparison.Ordinal);
        Assert.NotNull(failed.FinishedAt);
        Assert.Null(await _ledger.FindUnfinishedAsync("train", CancellationToken.None));
    }

    [Fact]
    public async Task TryQueueAsync_StepAlreadyRunning_ReturnsThatRunAndQueuesNothing()
    {
        var first = await _ledger.TryQueueAsync("rollup", CancellationToken.None);
        await _ledger.TryStartAsync(first.Run.Id, CancellationToken.None);

        var second = await _ledger.TryQueueAsync("rollup", CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Run.Id, second.Run.Id);
        await using var db = _db.Open();
        Assert.Equal(1, await db.PipelineRuns.CountAsync(r => r.Step == "rollup"));
    }

    [Fact]
    public async Task TryQueueAsync_ConcurrentTriggers_QueueExactlyOneRun()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _ledger.TryQueueAsync("score", CancellationToken.None))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Run.Id).Distinct());
        await using var db = _db.Open();
        Assert.Equal(1, await db.PipelineRuns.CountAsync(r => r.Step == "score"));
    }

    [Fact]
    public async Task SaveChanges_SecondUnfinishedRunOfStep_IsRefusedByTheDatabase()
    {
        await _ledger.QueueAsync("profile", CancellationToken.None);
        await using var db = _db.Open();
        db.PipelineRuns.Add(new PipelineRun { Step = "profile", Status = PipelineRunStatus.Queued, QueuedAt = T0.UtcDateTime });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SucceedAsync_StaleAttempt_ChangesNothing()
    {
        var run = await _ledger.QueueAsync("train", CancellationToken.None);
        await _ledger.TryStartAsync(run.Id, CancellationToken.None);
        await _ledger.RequeueUnfinishedAsync(3, CancellationToken.None);
        await _ledger.TryStartAsync(run.Id, CancellationToken.None);

        var recorded = await _ledger.SucceedAsync(run.Id, attempt: 1, "late news from attempt 1", CancellationToken.None);

        Assert.False(recorded);
        Assert.Equal(PipelineRunStatus.Running, (await _ledger.FindAsync(run.Id, CancellationToken.None))!.Status);
    }
}
