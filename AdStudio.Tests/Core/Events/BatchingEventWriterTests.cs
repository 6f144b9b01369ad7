using System.Data.Common;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static AdStudio.Tests.Support.EventFactory;

namespace AdStudio.Tests.Core.Events;

public sealed class BatchingEventWriterTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task WriteAsync_BatchesQueuedBehindACommitThatMetALock_FailWithItWithoutASecondAttempt()
    {
        // Arrange: a real SQLite file whose write lock another connection holds, and a count of the writer's commits.
        var commits = new TransactionStarts();
        var factory = new PooledDbContextFactory<AdStudioDb>(new DbContextOptionsBuilder<AdStudioDb>()
            .UseSqlite(DataOptions.SqliteConnectionString(_db.Directory))
            .AddInterceptors(commits)
            .Options);
        var options = Options.Create(new EventWriterOptions { WriteTimeoutSeconds = 1 });
        var state = new StorageWriteState(TimeProvider.System);
        await using var writer = new BatchingEventWriter(
            new EventStore(factory), options, state, new DataPaths(_db.Directory), NullLogger<BatchingEventWriter>.Instance);
        var writes = new List<Task<EventWriteResult>>();

        // Act: the first batch's commit waits for the lock; four more queue behind it. All end while the lock is held.
        await using (await WriteLock.TakeAsync(_db.Directory))
        {
            writes.Add(writer.WriteAsync(new EventBatch([View("shopper-0")], []), CancellationToken.None));
            await commits.FirstStarted.WaitAsync(TimeSpan.FromSeconds(30));
            for (var i = 1; i <= 4; i++)
            {
                writes.Add(writer.WriteAsync(new EventBatch([View($"shopper-{i}")], []), CancellationToken.None));
            }

            await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        // Assert: one attempt met the lock, and every caller got its failure from it (none was stored).
        Assert.All(writes, w => Assert.Equal(SqliteBusy, Assert.IsType<SqliteException>(w.Exception!.InnerException).SqliteErrorCode));
        Assert.Equal(1, commits.Started);
        Assert.True(state.Latest.Failed);
        await using var db = _db.Open();
        Assert.Equal(0, await db.BehaviourEvents.CountAsync());
    }

    private const int SqliteBusy = 5;

    /// <summary>Counts the transactions EF Core begins, and tells when the first one starts.</summary>
    private sealed class TransactionStarts : DbTransactionInterceptor
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public Task FirstStarted => _first.Task;

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _started);
            _first.TrySetResult();
            return ValueTask.FromResult(result);
        }
    }
}
