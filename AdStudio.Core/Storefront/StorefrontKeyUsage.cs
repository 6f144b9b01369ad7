namespace AdStudio.Core.Storefront;

/// <summary>
/// Requests and last use of one key since the last flush to the database. Written by every request with the key,
/// read and reset by the flusher; no lock, so the request path never waits.
/// </summary>
public sealed class StorefrontKeyUsage
{
    private long _pending;
    private long _lastUsedTicks;

    /// <summary>Counts one request at <paramref name="utcNow"/>.</summary>
    public void Record(DateTime utcNow)
    {
        Interlocked.Increment(ref _pending);

        // Last use to the second is plenty; writing it only when a second has passed keeps the cache line quiet.
        // Two requests racing here may leave the older of two times a few ticks apart: harmless.
        var ticks = utcNow.Ticks;
        if (ticks - Volatile.Read(ref _lastUsedTicks) >= TimeSpan.TicksPerSecond)
        {
            Volatile.Write(ref _lastUsedTicks, ticks);
        }
    }

    /// <summary>The requests counted since the last call, and the last use seen (null when never used).</summary>
    public (long Requests, DateTime? LastUsed) Take()
    {
        var requests = Interlocked.Exchange(ref _pending, 0);
        var ticks = Volatile.Read(ref _lastUsedTicks);
        return (requests, ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc));
    }

    /// <summary>Puts requests back after a flush that failed, so the next flush writes them.</summary>
    public void Restore(long requests) => Interlocked.Add(ref _pending, requests);
}
