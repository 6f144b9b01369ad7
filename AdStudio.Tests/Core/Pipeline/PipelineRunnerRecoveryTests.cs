using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdStudio.Tests.Core.Pipeline;

/// <summary>
/// The ledger's finishing write meets a real lock held by another connection on the real SQLite file: the run
/// never stays running once storage works again, and the sweep tells silent runs from live ones.
/// </summary>
public sealed class PipelineRunnerRecoveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HoldLock = TimeSpan.FromSeconds(3);
    private readonly FixedClock _clock = new(T0);
    private TestDatabase _db = null!;
    private PipelineLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        // A one-second busy timeout, so a held lock fails the ledger's writes instead of queueing them for 30 s.
        var impatient = new SqliteConnectionStringBuilder(DataOptions.SqliteConnectionString(_db.Directory)) { DefaultTimeout = 1 };
        var factory = TestStorage.IsPostgres
            ? _db.Factory
            : new PooledDbContextFactory<AdStudioDb>(new DbContextOptionsBuilder<AdStudioDb>().UseSqlite(impatient.ToString()).Options);
        _ledger = new PipelineLedger(factory, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    // SqliteOnly: holds SQLite's database-wide write lock from a second connection.
    [Fact]
    [Trait("Storage", "SqliteOnly")]
    public async Task RunAsync_LedgerLockedWhenStepEnds_RecordsOutcomeOnceLockIsReleased()
    {
        var run = await _ledger.QueueAsync("demo", CancellationToken.None);
        var step = new BlockingStep("demo");
        var runner = Runner(TimeSpan.FromSeconds(60), step);
        var running = Task.Run(() => runner.RunAsync(run.Id, CancellationToken.None));
        await step.Started.Task;

        await using (var locker = await LockAsync())
        {
            step.Finish.SetResult();
            await Task.Delay(HoldLock);
            Assert.False(running.IsCompleted);
            Assert.Equal("Running", await StatusAsync(locker, run.Id));
        }

        await running;
        var done = await _ledger.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal((PipelineRunStatus.Succeeded, "done", 100), (done!.Status, done.Message, done.Progress));
    }

    // SqliteOnly: holds SQLite's database-wide write lock from a second connection.
    [Fact]
    [Trait("Storage", "SqliteOnly")]
    public async Task RunAsync_LedgerLockedPastRetryBudget_SweepRecordsOutcomeLater()
    {
        var run = await _ledger.QueueAsync("demo", CancellationToken.None);
        var step = new BlockingStep("demo");
        var runner = Runner(TimeSpan.FromSeconds(1), step);
        var running = Task.Run(() => runner.RunAsync(run.Id, CancellationToken.None));
        await step.Started.Task;

        await using (var locker = await LockAsync())
        {
            step.Finish.SetResult();
            await running;
            Assert.Equal("Running", await StatusAsync(locker, run.Id));
            Assert.Equal(0, await runner.SweepAsync(CancellationToken.None));
        }

        var failedOrphans = await runner.SweepAsync(CancellationToken.None);

        var done = await _ledger.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal(0, failedOrphans);
        Assert.Equal((PipelineRunStatus.Succeeded, "done"), (done!.Status, done.Message));
    }

    [Fact]
    public async Task SweepAsync_SilentRunNotRunningHere_MarksItFailedAsInterrupted()
    {
        var run = await _ledger.QueueAsync("demo", CancellationToken.None);
        await _ledger.TryStartAsync(run.Id, CancellationToken.None);
        _clock.Now = T0.AddMinutes(3);

        var failed = await Runner(TimeSpan.FromSeconds(1)).SweepAsync(CancellationToken.None);

        var swept = await _ledger.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal(1, failed);
        Assert.Equal((PipelineRunStatus.Failed, T0.AddMinutes(3).UtcDateTime), (swept!.Status, swept.InterruptedAt));
        Assert.Contains("no sign of life", swept.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepAsync_RecentHeartbeatFromAnotherWorker_LeavesRunRunning()
    {
        var run = await _ledger.QueueAsync("demo", CancellationToken.None);
        var attempt = await _ledger.TryStartAsync(run.Id, CancellationToken.None);
        _clock.Now = T0.AddMinutes(3);
        await _ledger.HeartbeatAsync(run.Id, attempt!.Value, CancellationToken.None);

        var failed = await Runner(TimeSpan.FromSeconds(1)).SweepAsync(CancellationToken.None);

        Assert.Equal(0, failed);
        Assert.Equal(PipelineRunStatus.Running, (await _ledger.FindAsync(run.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SweepAsync_LiveRunWithOldHeartbeat_LeavesRunRunning()
    {
        var run = await _ledger.QueueAsync("demo", CancellationToken.None);
        var step = new BlockingStep("demo");
        var runner = Runner(TimeSpan.FromSeconds(10), step);
        var running = Task.Run(() => runner.RunAsync(run.Id, CancellationToken.None));
        await step.Started.Task;
        // A long write transaction in the step can hold back heartbeats; being live in this process is what counts.
        _clock.Now = T0.AddHours(1);

        var failed = await runner.SweepAsync(CancellationToken.None);

        Assert.Equal(0, failed);
        Assert.Equal(PipelineRunStatus.Running, (await _ledger.FindAsync(run.Id, CancellationToken.None))!.Status);
        step.Finish.SetResult();
        await running;
        Assert.Equal(PipelineRunStatus.Succeeded, (await _ledger.FindAsync(run.Id, CancellationToken.None))!.Status);
    }

    private PipelineRunner Runner(TimeSpan retryBudget, params IPipelineStep[] steps) => new(
        _ledger,
        steps,
        new PipelineSupervision { FinishRetryBudget = retryBudget, OrphanAfter = TimeSpan.FromMinutes(2) },
        _clock,
        NullLogger<PipelineRunner>.Instance);

    /// <summary>Another connection takes the database's write lock, as a backup tool or a second process would.</summary>
    private async Task<SqliteConnection> LockAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(DataOptions.SqliteConnectionString(_db.Directory)) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE;";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<string?> StatusAsync(SqliteConnection connection, int runId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Status\" FROM \"PipelineRuns\" WHERE \"Id\" = $id;";
        command.Parameters.AddWithValue("$id", runId);
        return (string?)await command.ExecuteScalarAsync();
    }

    private sealed class BlockingStep(string name) : IPipelineStep
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;

        public async Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken)
        {
            progress.Report(0.5);
            Started.SetResult();
            await Finish.Task;
            return "done";
        }
    }
}
