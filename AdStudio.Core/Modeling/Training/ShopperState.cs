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

    public void Add(TimelineEvent e, int categoryIndex)
    {
        DecayTo(e.At);
        if (categoryIndex >= 0)
        {
            _interest[categoryIndex] += ProfileCalculator.Weight(e.Type);
        }

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
