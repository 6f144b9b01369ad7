using System.Collections;
using AdStudio.Core.Events;

namespace AdStudio.Core.Reporting;

/// <summary>Accumulates newly stored ad events into per-cell increments for <see cref="DailyRollup"/>.</summary>
public sealed class RollupDeltas : IEnumerable<KeyValuePair<RollupKey, RollupTotals>>
{
    private readonly Dictionary<RollupKey, RollupTotals> _cells = [];

    public int Count => _cells.Count;

    public void Add(AdEvent e)
    {
        var key = new RollupKey(DateOnly.FromDateTime(e.OccurredAt), e.CampaignId, e.CreativeId, e.VariantId ?? 0);
        var delta = e.Type switch
        {
            AdEventType.Impression => new RollupTotals(1, 0, 0, e.Cost, e.Revenue),
            AdEventType.Click => new RollupTotals(0, 1, 0, e.Cost, e.Revenue),
            _ => new RollupTotals(0, 0, 1, e.Cost, e.Revenue),
        };
        _cells[key] = _cells.TryGetValue(key, out var current) ? current + delta : delta;
    }

    public IEnumerator<KeyValuePair<RollupKey, RollupTotals>> GetEnumerator() => _cells.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
