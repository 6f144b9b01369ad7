using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdStudio.Tests.Core.Pipeline;

public sealed class PipelineRunnerTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private PipelineLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _ledger = new PipelineLedger(_db.Factory, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private PipelineRunner Runner(params IPipelineStep[] steps) => new(_ledger, steps, new PipelineSupervision(), _clock, NullLogger<PipelineRunner>.Instance);

    [Fact]
    public async Task RunAsync_SucceedingStep_RecordsProgressTimesAndSummary()
    {
        var run = await _ledger.QueueAsync("demo", CancellationToken.None);

        await Runner(new Step("demo", _ => Task.FromResult("Did 3 things."))).RunAsync(run.Id, CancellationToken.None);

        var done = await _ledger.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal(PipelineRunStatus.Succeeded, done!.Status);
        Assert.Equal(100, done.Progress);
        Assert.Equal("Did 3 things.", done.Message);
        Assert.Equal(_clock.Now.UtcDateTime, done.StartedAt);
        Assert.Equal(_clock.Now.UtcDateTime, done.FinishedAt);
    }

    [Fact]
    public async Task RunAsync_FailingStep_RecordsFailureAndLastProgress()
    {
        var run = await _ledger.QueueAsync("demo", CancellationToken.None);
        var step = new Step("demo", progress =>
        {
            progress.Report(0.4);
            throw new InvalidOperationException("The disk is full.");
        });

        await Runner(step).RunAsync(run.Id, CancellationToken.None);

        var done = await _ledger.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal(PipelineRunStatus.Failed, done!.Status);
        Assert.Equal(40, done.Progress);
        Assert.Equal("The disk is full.", done.Message);
    }

    [Fact]
    public async Task RunAsync_RunAlreadyStarted_DoesNotRunStepAgain()
    {
        var run = await _ledger.QueueAsync("demo", CancellationToken.None);
        Assert.Equal(1, await _ledger.TryStartAsync(run.Id, CancellationToken.None));
        var calls = 0;

        await Runner(new Step("demo", _ => Task.FromResult($"{++calls}"))).RunAsync(run.Id, CancellationToken.None);

        Assert.Equal(0, calls);
        Assert.Equal(PipelineRunStatus.Running, (await _ledger.FindAsync(run.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RequeueUnfinishedAsync_AfterCrash_QueuesRunningAndQueuedRunsAgain()
    {
        var running = await _ledger.QueueAsync("seed", CancellationToken.None);
        await _ledger.TryStartAsync(running.Id, CancellationToken.None);
        await _ledger.ReportProgressAsync(running.Id, 1, 55, CancellationToken.None);
        var finished = await _ledger.QueueAsync("rollup", CancellationToken.None);
        await _ledger.TryStartAsync(finished.Id, CancellationToken.None);
        await _ledger.SucceedAsync(finished.Id, 1, "ok", CancellationToken.None);
        var waiting = await _ledger.QueueAsync("rollup", CancellationToken.None);

        var requeued = await _ledger.RequeueUnfinishedAsync(3, CancellationToken.None);

        Assert.Equal([running.Id, waiting.Id], requeued.Select(r => r.Id));
        var again = await _ledger.FindAsync(running.Id, CancellationToken.None);
        Assert.Equal((PipelineRunStatus.Queued, 0, _clock.Now.UtcDateTime), (again!.Status, again.Progress, again.InterruptedAt));
        Assert.Contains("Interrupted by a restart", again.Message, StringComparison.Ordinal);
        Assert.Null((await _ledger.FindAsync(waiting.Id, CancellationToken.None))!.InterruptedAt);
        Assert.Equal(PipelineRunStatus.Succeeded, (await _ledger.FindAsync(finished.Id, CancellationToken.None))!.Status);
    }

    private sealed class Step(string name, Func<IProgress<double>, Task<string>> body) : IPipelineStep
    {
        public string Name => name;

        public Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken) => body(progress);
    }
}
