namespace AdStudio.Core.Privacy.Consent;

/// <summary>Consent shares over time from the consent history: pure, one pass over the changes in time order.</summary>
public static class ConsentShareSeries
{
    /// <summary>
    /// The shares at the end of each of <paramref name="days"/> (ascending): each shopper counts with their latest change
    /// that occurred before the next midnight (UTC). Changes with the same time keep their given order, the later one winning.
    /// </summary>
    public static IReadOnlyList<ConsentSharePoint> AsOf(IEnumerable<ConsentChange> changes, IReadOnlyList<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(days);
        var latest = new Dictionary<string, (bool Personalisation, bool Measurement)>(StringComparer.Ordinal);
        var (personalisation, measurement) = (0, 0);
        var points = new List<ConsentSharePoint>(days.Count);
        using var ordered = changes.OrderBy(c => c.OccurredAt).GetEnumerator();
        var pending = ordered.MoveNext();
        foreach (var day in days)
        {
            var end = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            for (; pending && ordered.Current.OccurredAt < end; pending = ordered.MoveNext())
            {
                var change = ordered.Current;
                if (latest.TryGetValue(change.ShopperId, out var before))
                {
                    personalisation -= before.Personalisation ? 1 : 0;
                    measurement -= before.Measurement ? 1 : 0;
                }

                latest[change.ShopperId] = (change.Personalisation, change.Measurement);
                personalisation += change.Personalisation ? 1 : 0;
                measurement += change.Measurement ? 1 : 0;
            }

            points.Add(new ConsentSharePoint(day, latest.Count, personalisation, measurement));
        }

        return points;
    }

    /// <summary>
    /// The days to plot from <paramref name="first"/> to <paramref name="last"/>: every day up to <paramref name="maxDailyPoints"/>
    /// days, otherwise every seventh day counted back from <paramref name="last"/> (which is always included).
    /// </summary>
    public static IReadOnlyList<DateOnly> Days(DateOnly first, DateOnly last, int maxDailyPoints = 92)
    {
        if (last < first)
        {
            return [];
        }

        var span = last.DayNumber - first.DayNumber + 1;
        var step = span <= maxDailyPoints ? 1 : 7;
        var count = ((span - 1) / step) + 1;
        return [.. Enumerable.Range(0, count).Select(i => last.AddDays(-step * (count - 1 - i)))];
    }
}
