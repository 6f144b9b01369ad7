using AdStudio.Core.Events;

namespace AdStudio.Core.Serving;

/// <summary>
/// The one rule by which an impression counts toward frequency caps, whichever way it arrived (<c>POST /events</c>
/// or the tracking pixel): only once it is durably stored, only if it was new (a repeated report of the same
/// decision's impression is a duplicate and counts nothing), for its shopper and campaign on the shop's day of
/// the impression (the snapshot's time zone, as the caps are checked). The same rule counts a stored event's charge
/// toward its campaign's budget on this node until the next snapshot reads it from the database.
/// </summary>
public sealed class StoredImpressionCounter(FrequencyCounter frequency, SnapshotHolder snapshots)
{
    /// <summary>
    /// Counts the impressions among <paramref name="written"/> that the write stored: call it after the write
    /// completed (never before, see <see cref="FrequencyCounter"/>). Returns how many were counted.
    /// </summary>
    public int CountStored(IEnumerable<AdEvent> written)
    {
        var snapshot = snapshots.Current;
        var counted = 0;
        foreach (var adEvent in written)
        {
            if (adEvent.Id != 0 && adEvent.Cost > 0)
            {
                frequency.RecordCharge(adEvent.CampaignId, snapshot.LocalTime(adEvent.OccurredAt).Day, adEvent.Cost);
            }

            if (Counts(adEvent) && adEvent.ShopperId is { } shopperId)
            {
                frequency.Record(shopperId, adEvent.CampaignId, snapshot.LocalTime(adEvent.OccurredAt).Day);
                counted++;
            }
        }

        return counted;
    }

    /// <summary>An impression the event store inserted (it has its id); a duplicate keeps id 0.</summary>
    public static bool Counts(AdEvent adEvent) => adEvent.Type == AdEventType.Impression && adEvent.Id != 0;
}
