using System.Collections.Concurrent;

namespace AdStudio.Core.Serving;

/// <summary>
/// Impressions per shopper and campaign recorded since the current snapshot was built. The snapshot holds
/// the day's counts up to its build; this adds what happened since, so a cap holds between refreshes.
/// Reset just before a rebuild starts: an impression recorded while the rebuild reads may then be counted
/// twice, which only makes a cap bite slightly early, never late.
/// </summary>
public sealed class FrequencyCounter
{
    private ConcurrentDictionary<(string Shopper, int Campaign, DateOnly Day), int> _live = new();

    public void Record(string shopperId, int campaignId, DateOnly day) =>
        _live.AddOrUpdate((shopperId, campaignId, day), 1, (_, n) => n + 1);

    /// <summary>The shopper's impressions of the campaign on <paramref name="day"/>: the snapshot's count plus live ones.</summary>
    public int SeenOn(ServingSnapshot snapshot, string shopperId, int campaignId, DateOnly day) =>
        (snapshot.Day == day ? snapshot.ImpressionsToday(shopperId, campaignId) : 0)
        + _live.GetValueOrDefault((shopperId, campaignId, day));

    public void Reset() => Interlocked.Exchange(ref _live, new());
}
