using System.Data.Common;

namespace AdStudio.Core.Pipeline;

/// <summary>
/// Writes a step's progress to the ledger, at most a few times a second and only when the whole
/// percent changes, so progress reporting never slows the work down. Writes run off the caller's
/// thread: SQLite's "async" calls are synchronous, and a step that reports while holding a write
/// transaction would otherwise wait on its own lock.
/// </summary>
internal sealed class LedgerProgress(PipelineLedger ledger, int runId, int attempt, TimeProvider clock, TimeSpan interval) : IProgress<double>
{
    private readonly Lock _gate = new();
    private int _lastWritten = -1;
    private int _latest;
    private long _lastWriteTimestamp;
    private Task _pending = Task.CompletedTask;

    public void Report(double value)
    {
        var percent = (int)Math.Clamp(Math.Floor(value * 100), 0, 100);
        lock (_gate)
        {
            _latest = percent;
            if (percent == _lastWritten || !_pending.IsCompleted
                || clock.GetElapsedTime(_lastWriteTimestamp) < interval)
            {
                return;
            }

            _lastWritten = percent;
            _lastWriteTimestamp = clock.GetTimestamp();
            _pending = Task.Run(() => WriteAsync(percent));
        }
    }

    public async Task FlushAsync()
    {
        Task pending;
        int latest;
        lock (_gate)
        {
            pending = _pending;
            latest = _latest;
        }

        await pending;
        if (latest != _lastWritten)
        {
            await WriteAsync(latest);
        }
    }

    // Progress is advisory: a write that loses a lock race must not fail the step; the next report or the outcome follows.
    private async Task WriteAsync(int percent)
    {
        try
        {
            await ledger.ReportProgressAsync(runId, attempt, percent, CancellationToken.None);
        }
        catch (DbException)
        {
        }
    }
}
