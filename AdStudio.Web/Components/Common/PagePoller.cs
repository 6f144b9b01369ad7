namespace AdStudio.Web.Components.Common;

/// <summary>
/// Calls a page back on a <see cref="PeriodicTimer"/> until the page is left: how pages follow background work (the run
/// ledger, the serving snapshot) without a reload. The page owns one and disposes it with itself.
/// </summary>
public sealed class PagePoller(TimeProvider clock) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private bool _started;

    /// <summary>Cancelled when the page is left; pass it to the work a tick does.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>
    /// Starts calling <paramref name="tick"/> every <paramref name="interval"/>; a second call while it runs does nothing.
    /// The tick returns false once there is nothing left to follow, which stops the timer.
    /// </summary>
    public void Start(TimeSpan interval, Func<Task<bool>> tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        if (_started || _stop.IsCancellationRequested)
        {
            return;
        }

        _started = true;
        _ = RunAsync(interval, tick);
    }

    private async Task RunAsync(TimeSpan interval, Func<Task<bool>> tick)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, clock);
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (!await tick())
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away while a tick was rendering.
        }
        finally
        {
            _started = false;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
