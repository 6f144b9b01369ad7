using AdStudio.Core.Events;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Profiling;

namespace AdStudio.Core.Modeling.Training;

/// <summary>
/// A shopper's running state, updated event by event so it always reflects only the past; it computes what the
/// shopper's profile would have said at each moment (same interest half-life, visit gap and hour statistics).
/// </summary>
internal sealed class ShopperState(int categories)
{
    private readonly double[] _interest = new double[categories];
    private DateTime _decayedTo;
    private int _events;
    private int _purchases;
    private DateTime? _lastEventAt;
    private DateTime? _lastVisitAt;
    private double _hourSin;
    private double _hourCos;
    private double _priceRatioSum;
    private int _priceRatios;

    public void AddPriceRatio(double ratio)
    {
        _priceRatioSum += ratio;
        _priceRatios++;
    }

    public void Add(TimelineEvent e, int categoryIndex)
    {
        DecayTo(e.At);
        if (categoryIndex >= 0)
        {
            _interest[categoryIndex] += ProfileCalculator.Weight(e.Type);
        }

        if (_lastEventAt is null || e.At - _lastEventAt.Value > ProfileCalculator.VisitGap)
        {
            _lastVisitAt = e.At;
        }

        var angle = 2 * Math.PI * e.At.Hour / 24;
        _hourSin += Math.Sin(angle);
        _hourCos += Math.Cos(angle);
        _events++;
        _purchases += e.Type == BehaviourEventType.Purchase ? 1 : 0;
        _lastEventAt = e.At;
    }

    /// <summary>The shopper as known at <paramref name="at"/>.</summary>
    public ShopperFeatures FeaturesAt(DateTime at)
    {
        DecayTo(at);
        var total = _interest.Sum();
        double[] shares = [.. _interest.Select(v => total > 0 ? v / total : 0)];
        return _events == 0
            ? new ShopperFeatures(shares, 0, 0, null, 0, 0, 0)
            : new ShopperFeatures(shares, _events, _purchases, _lastVisitAt, _hourSin / _events, _hourCos / _events,
                _priceRatios == 0 ? 0 : (_priceRatioSum / _priceRatios) - 1);
    }

    // Multiplying every sum by the same factor keeps shares exact while letting old interest fade.
    private void DecayTo(DateTime at)
    {
        if (at > _decayedTo)
        {
            var factor = Math.Pow(2, -(at - _decayedTo).TotalDays / ProfileCalculator.InterestHalfLifeDays);
            for (var i = 0; i < _interest.Length; i++)
            {
                _interest[i] *= factor;
            }

            _decayedTo = at;
        }
    }
}
