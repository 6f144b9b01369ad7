using System.Collections.Concurrent;

namespace AdStudio.Core.Serving;

/// <summary>
/// Impressions per shopper and campaign recorded since the current snapshot was built. The snapshot holds
/// the day's counts up to its build; this adds what happened since, so a cap holds between refreshes.
/// </summary>
/// <remarks>
/// A rebuild goes <see cref="BeginRebuild"/> → build → swap → <see cref="CompleteRebuild"/> (or
/// <see cref="AbandonRebuild"/> when the build fails). From the begin on, each impression is counted twice over:
/// in the live counts (used with the current snapshot) and in the pending counts (kept for the next one).
/// Impressions are recorded after they are durably stored, so every impression is either committed before the
/// begin — and the new snapshot, whose database read starts after the begin, counts it — or recorded after the
/// begin and sits in the pending counts; an impression in both is counted twice, which only makes a cap bite
/// slightly early, never late. A failed build drops the pending counts and leaves the live counts whole.
/// The swap must come before <see cref="CompleteRebuild"/>: in between, readers see the new snapshot with the
/// old (larger) live counts, again early rather than late.
/// </remarks>
public sealed class FrequencyCounter
{
    private ConcurrentDictionary<(string Shopper, int Campaign, DateOnly Day), int> _live = new();
    private ConcurrentDictionary<(string Shopper, int Campaign, DateOnly Day), int>? _pending;

    public void Record(string shopperId, int campaignId, DateOnly day)
    {
        var key = (shopperId, campaignId, day);

        // Pending before live: CompleteRebuild publishes the new live counts before it clears pending, so a
        // record that finds no pending counts is sure to find the new live ones.
        var pending = Volatile.Read(ref _pending);
        var live = Volatile.Read(ref _live);
        live.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (pending is not null && !ReferenceEquals(pending, live))
        {
            pending.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }

    /// <summary>The shopper's impressions of the campaign on <paramref name="day"/>: the snapshot's count plus live ones.</summary>
    public int SeenOn(ServingSnapshot snapshot, string shopperId, int campaignId, DateOnly day) =>
        (snapshot.Day == day ? snapshot.ImpressionsToday(shopperId, campaignId) : 0)
        + Volatile.Read(ref _live).GetValueOrDefault((shopperId, campaignId, day));

    /// <summary>Call just before a rebuild reads the database: impressions from now on are also kept for the new snapshot.</summary>
    public void BeginRebuild() => Interlocked.Exchange(ref _pending, new());

    /// <summary>Call after the new snapshot was swapped in: live counts become those recorded since its build began.</summary>
    public void CompleteRebuild()
    {
        var pending = Volatile.Read(ref _pending);
        if (pending is null)
        {
            return;
        }

        Interlocked.Exchange(ref _live, pending);
        Interlocked.Exchange(ref _pending, null);
    }

    /// <summary>Call when a rebuild failed or its snapshot was not used: live counts stay as they are.</summary>
    public void AbandonRebuild() => Interlocked.Exchange(ref _pending, null);

    /// <summary>Forgets every live count. Only for a single caller that rebuilds in line (the demo simulator), where nothing records meanwhile.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _pending, null);
        Interlocked.Exchange(ref _live, new());
    }
}
