using System.Collections;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Reporting;

/// <summary>Accumulates newly stored ad events into per-cell increments for <see cref="DailyRollup"/>; each event's cost and revenue count at most <see cref="ValueBounds.MaxMoney"/>.</summary>
public sealed class RollupDeltas : IEnumerable<KeyValuePair<RollupKey, RollupTotals>>
{
    private readonly Dictionary<RollupKey, RollupTotals> _cells = [];

    public int Count => _cells.Count;

    public void Add(AdEvent adEvent)
    {
        var key = new RollupKey(DateOnly.FromDateTime(adEvent.OccurredAt), adEvent.CampaignId, adEvent.CreativeId, adEvent.VariantId ?? 0);
        // Money is clamped as the rollup step clamps it, so a cell's sums stay finite whatever one event claims.
        var (cost, revenue) = (ValueBounds.Money(adEvent.Cost), ValueBounds.Money(adEvent.Revenue));
        var delta = adEvent.Type switch
        {
            AdEventType.Impression => new RollupTotals(1, 0, 0, cost, revenue),
            AdEventType.Click => new RollupTotals(0, 1, 0, cost, revenue),
            _ => new RollupTotals(0, 0, 1, cost, revenue),
        };
        _cells[key] = _cells.TryGetValue(key, out var current) ? current + delta : delta;
    }

    public IEnumerator<KeyValuePair<RollupKey, RollupTotals>> GetEnumerator() => _cells.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
