using AdStudio.Core.Reporting;

namespace AdStudio.Tests.Support;

/// <summary>Daily KPI reports for chart tests: 1–30 Nov 2026, each day's outcomes from a function of its index.</summary>
public static class KpiReports
{
    public static readonly DateOnly From = new(2026, 11, 1);

    public static readonly DateOnly To = new(2026, 11, 30);

    public static KpiReport November(Func<int, Kpis> day)
    {
        var days = Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(i => new DailyKpis(From.AddDays(i), day(i))).ToList();
        var total = new Kpis(days.Sum(d => d.Kpis.Impressions), days.Sum(d => d.Kpis.Clicks), days.Sum(d => d.Kpis.Conversions),
            days.Sum(d => d.Kpis.Spend), days.Sum(d => d.Kpis.Revenue));
        return new KpiReport(From, To, total, days);
    }

    /// <summary>Enough volume every day for every rate, low rates (CTR about 2 %), and spend above revenue on some days.</summary>
    public static KpiReport Busy() =>
        November(i => new Kpis(2_000 + (i * 10), 40 + (5 * (i % 3)), 2, 5 + (i % 2), 4 + (3 * (i % 4))));
}
