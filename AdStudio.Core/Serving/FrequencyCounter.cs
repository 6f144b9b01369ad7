using System.Collections.Concurrent;

namespace AdStudio.Core.Serving;

/// <summary>
/// What this node recorded since the current snapshot read the database: impressions per shopper and campaign (for
/// frequency caps) and charges per campaign (for budgets). The snapshot holds the day's counts and spend as the
/// database had them, from every node; this adds this node's own since, so a cap or budget holds between refreshes.
/// Other nodes' traffic since the read is the part no node sees until its next refresh: <see cref="ScaleOutBound"/>.
/// </summary>
/// <remarks>
/// A rebuild goes <see cref="BeginRebuild"/> → build → swap → <see cref="CompleteRebuild"/> (or
/// <see cref="AbandonRebuild"/> when the build fails). From the begin on, each impression or charge is counted twice over:
/// in the live counts (used with the current snapshot) and in the pending counts (kept for the next one).
/// Events are recorded after they are durably stored, so every event is either committed before the
/// begin — and the new snapshot, whose database read starts after the begin, counts it — or recorded after the
/// begin and sits in the pending counts; an event in both is counted twice, which only makes a cap or budget bite
/// slightly early, never late. A failed build drops the pending counts and leaves the live counts whole.
/// The swap must come before <see cref="CompleteRebuild"/>: in between, readers see the new snapshot with the
/// old (larger) live counts, again early rather than late.
/// </remarks>
public sealed class FrequencyCounter
{
    private Tally _live = new();
    private Tally? _pending;

    public void Record(string shopperId, int campaignId, DateOnly day) =>
        Both(t => t.Impressions.AddOrUpdate((shopperId, campaignId, day), 1, (_, n) => n + 1));

    /// <summary>A charge this node stored for <paramref name="campaignId"/> on the shop day <paramref name="day"/>.</summary>
    public void RecordCharge(int campaignId, DateOnly day, double cost)
    {
        if (cost <= 0)
        {
            return;
        }

        Both(t =>
        {
            t.SpentOn.AddOrUpdate((campaignId, day), cost, (_, s) => s + cost);
            t.Spent.AddOrUpdate(campaignId, cost, (_, s) => s + cost);
        });
    }

    /// <summary>The shopper's impressions of the campaign on <paramref name="day"/>: the snapshot's count plus live ones.</summary>
    public int SeenOn(ServingSnapshot snapshot, string shopperId, int campaignId, DateOnly day) =>
        (snapshot.Day == day ? snapshot.ImpressionsToday(shopperId, campaignId) : 0)
        + Volatile.Read(ref _live).Impressions.GetValueOrDefault((shopperId, campaignId, day));

    /// <summary>This node's charges to the campaign since the snapshot: on the shop day <paramref name="day"/>, and on any day.</summary>
    public (double OnDay, double Total) SpentSince(int campaignId, DateOnly day)
    {
        var live = Volatile.Read(ref _live);
        return (live.SpentOn.GetValueOrDefault((campaignId, day)), live.Spent.GetValueOrDefault(campaignId));
    }

    /// <summary>Drops the shopper's live and pending impression counts (an erasure).</summary>
    /// <returns>How many counters were dropped.</returns>
    public int Forget(string shopperId)
    {
        var removed = Drop(Volatile.Read(ref _live), shopperId);
        if (Volatile.Read(ref _pending) is { } pending)
        {
            removed += Drop(pending, shopperId);
        }

        return removed;

        static int Drop(Tally tally, string shopperId)
        {
            var dropped = 0;
            foreach (var key in tally.Impressions.Keys.Where(k => string.Equals(k.Shopper, shopperId, StringComparison.Ordinal)))
            {
                dropped += tally.Impressions.TryRemove(key, out _) ? 1 : 0;
            }

            return dropped;
        }
    }

    /// <summary>Call just before a rebuild reads the database: events from now on are also kept for the new snapshot.</summary>
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

    private void Both(Action<Tally> add)
    {
        // Pending before live: CompleteRebuild publishes the new live counts before it clears pending, so a
        // record that finds no pending counts is sure to find the new live ones.
        var pending = Volatile.Read(ref _pending);
        var live = Volatile.Read(ref _live);
        add(live);
        if (pending is not null && !ReferenceEquals(pending, live))
        {
            add(pending);
        }
    }

    /// <summary>One generation of live counts, swapped whole so impressions and charges always belong to the same snapshot.</summary>
    private sealed class Tally
    {
        public ConcurrentDictionary<(string Shopper, int Campaign, DateOnly Day), int> Impressions { get; } = new();

        public ConcurrentDictionary<(int Campaign, DateOnly Day), double> SpentOn { get; } = new();

        public ConcurrentDictionary<int, double> Spent { get; } = new();
    }
}
