using AdStudio.Core.Events;
using AdStudio.Core.Profiling;

namespace AdStudio.Core.Modeling.Training;

/// <summary>A shopper's running state, updated event by event so it always reflects only the past.</summary>
internal sealed class ShopperState(int categories)
{
    private readonly double[] _interest = new double[categories];
    private DateTime _decayedTo;

    public int Events { get; private set; }

    public int Purchases { get; private set; }

    public DateTime? LastEventAt { get; private set; }

    private double _hourSin;
    private double _hourCos;
    private double _priceRatioSum;
    private int _priceRatios;

    /// <summary>
    /// How typical this hour is for the shopper: cos(hour − their circular mean active hour) scaled by how
    /// concentrated their hours are (0 with no history or evenly spread hours).
    /// </summary>
    public double HourAffinity(int hour)
    {
        if (Events == 0)
        {
            return 0;
        }

        var (s, c) = (_hourSin / Events, _hourCos / Events);
        var concentration = Math.Sqrt((s * s) + (c * c));
        var mean = Math.Atan2(s, c);
        return concentration * Math.Cos((2 * Math.PI * hour / 24) - mean);
    }

    /// <summary>Mean of purchase price ÷ the category's mean price at the time, minus 1 (negative buys cheap); 0 without purchases.</summary>
    public double PriceIndex => _priceRatios == 0 ? 0 : (_priceRatioSum / _priceRatios) - 1;

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

        var angle = 2 * Math.PI * e.At.Hour / 24;
        _hourSin += Math.Sin(angle);
        _hourCos += Math.Cos(angle);
        Events++;
        Purchases += e.Type == BehaviourEventType.Purchase ? 1 : 0;
        LastEventAt = e.At;
    }

    /// <summary>Interest shares as of <paramref name="at"/> (same half-life as profiles), summing to 1; zeros without history.</summary>
    public double[] InterestAt(DateTime at)
    {
        DecayTo(at);
        var total = _interest.Sum();
        return [.. _interest.Select(v => total > 0 ? v / total : 0)];
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
