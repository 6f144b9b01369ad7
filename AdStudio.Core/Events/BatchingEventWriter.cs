using System.Threading.Channels;
using AdStudio.Core.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Events;

/// <summary>
/// Funnels concurrent event writes through a bounded channel into group commits: many requests share
/// one transaction, and each caller's task completes only once its events are committed.
/// </summary>
/// <remarks>
/// Storage faults never stop the loop: a failed commit fails its callers (nothing of theirs was stored) and
/// the batches already waiting behind it, so no client waits out a lock twice; the next batch tries storage
/// afresh. After a fault that can leave a pooled connection unusable (read-only, full, I/O error) the pool is
/// emptied, so ingestion resumes by itself as soon as the files can be written again.
/// </remarks>
public sealed partial class BatchingEventWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue;
    private readonly EventStore _store;
    private readonly StorageWriteState _state;
    private readonly DataPaths _paths;
    private readonly ILogger<BatchingEventWriter> _logger;
    private readonly int _maxEventsPerCommit;
    private readonly int _writeTimeoutSeconds;
    private readonly Task _loop;

    public BatchingEventWriter(
        EventStore store,
        IOptions<EventWriterOptions> options,
        StorageWriteState state,
        DataPaths paths,
        ILogger<BatchingEventWriter> logger)
    {
        _store = store;
        _state = state;
        _paths = paths;
        _logger = logger;
        _maxEventsPerCommit = options.Value.MaxEventsPerCommit;
        _writeTimeoutSeconds = options.Value.WriteTimeoutSeconds;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(DrainAsync);
    }

    /// <summary>Completes when the batch is durably stored; faults if storing failed.</summary>
    public async Task<EventWriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(batch, new TaskCompletionSource<EventWriteResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        var group = new List<PendingWrite>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var events = 0;
            while (events < _maxEventsPerCommit && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                events += pending.Batch.Count;
            }

            await CommitAsync(group, events);
        }
    }

    private async Task CommitAsync(List<PendingWrite> group, int events)
    {
        try
        {
            var results = await _store.WriteAsync(group.ConvertAll(p => p.Batch), _writeTimeoutSeconds, CancellationToken.None);
            _state.RecordSuccess();
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception ex)
        {
            var fault = StorageFaults.Classify(ex);
            _state.RecordFailure(fault);
            if (StorageFaults.PoisonsConnections(fault))
            {
                _paths.DiscardPooledConnections();
            }

            // Nothing of the group was committed: every caller learns it failed and can retry. Those queued
            // behind it would meet the same fault after another full wait, so they are answered now.
            var failed = group.Count;
            Fail(group, ex);
            var waiting = new List<PendingWrite>();
            while (_queue.Reader.TryRead(out var pending))
            {
                waiting.Add(pending);
            }

            Fail(waiting, ex);
            if (fault == StorageFaultKind.None)
            {
                LogCommitFailed(_logger, ex, failed + waiting.Count, events);
            }
            else
            {
                LogStorageFault(_logger, fault, ex.Message, failed + waiting.Count, events);
            }
        }
    }

    private static void Fail(List<PendingWrite> writes, Exception ex)
    {
        foreach (var pending in writes)
        {
            pending.Completion.TrySetException(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Storing events failed: storage fault {Fault} ({Reason}); {Batches} waiting batch(es) were refused, {Events} events in the failed commit.")]
    private static partial void LogStorageFault(ILogger logger, StorageFaultKind fault, string reason, int batches, int events);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Storing events failed; {Batches} waiting batch(es) were refused, {Events} events in the failed commit.")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int batches, int events);

    private sealed record PendingWrite(EventBatch Batch, TaskCompletionSource<EventWriteResult> Completion);
}
