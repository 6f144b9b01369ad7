using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Events;

/// <summary>
/// Funnels concurrent event writes through a bounded channel into group commits: many requests share
/// one transaction, and each caller's task completes only once its events are committed.
/// </summary>
public sealed class BatchingEventWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue;
    private readonly EventStore _store;
    private readonly int _maxEventsPerCommit;
    private readonly Task _loop;

    public BatchingEventWriter(EventStore store, IOptions<EventWriterOptions> options)
    {
        _store = store;
        _maxEventsPerCommit = options.Value.MaxEventsPerCommit;
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

            await CommitAsync(group);
        }
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        try
        {
            var results = await _store.WriteAsync(group.ConvertAll(p => p.Batch), CancellationToken.None);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception ex)
        {
            // Nothing of the group was committed: every caller learns it failed and can retry.
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record PendingWrite(EventBatch Batch, TaskCompletionSource<EventWriteResult> Completion);
}
