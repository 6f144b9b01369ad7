using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace AdStudio.Web.Components.Charts;

/// <summary>
/// Axis rules every chart follows so numbers read honestly: daily charts tick on whole days with date labels,
/// rates and counts start at zero (a negative CTR cannot happen, so the axis must not suggest one).
/// </summary>
public static class ChartAxes
{
    /// <summary>At most this many date labels under a daily chart; beyond that every N-th day is labelled.</summary>
    public const int MaxDayLabels = 12;

    /// <summary>How date ticks read: "30 Nov".</summary>
    public const string DayLabelFormat = "d MMM";

    /// <summary>Days between two labelled ticks for a period of <paramref name="days"/> days (1 up to 12 days).</summary>
    public static int DayStep(int days) => Math.Max(1, (int)Math.Ceiling(days / (double)MaxDayLabels));

    /// <summary>The x position ScottPlot uses for a day (OLE automation date at midnight).</summary>
    public static double X(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();

    /// <summary>
    /// Shows the bottom axis as the days <paramref name="from"/>–<paramref name="to"/>: half a day of room at each end
    /// (so bars and end points are not cut), a labelled tick on every <see cref="DayStep"/>-th day counted back from the last (today, on most charts, is always labelled), and
    /// an unlabelled minor tick on the days between. Ticks are listed, not generated, so they never fall between days.
    /// </summary>
    public static void Daily(Plot plot, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var days = to.DayNumber - from.DayNumber + 1;
        var step = DayStep(days);
        var ticks = Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select((day, i) => (days - 1 - i) % step == 0
            ? Tick.Major(X(day), day.ToString(DayLabelFormat, CultureInfo.InvariantCulture))
            : Tick.Minor(X(day)));
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. ticks]);
        plot.Axes.SetLimitsX(X(from) - 0.5, X(to) + 0.5, plot.Axes.Bottom);
    }

    /// <summary>Y axis from exactly 0 to a little above the largest value, for rates, counts and money that cannot be negative.</summary>
    public static void FromZero(Plot plot, IYAxis axis, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var top = values.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.15 : 1, axis);
    }

    /// <summary>Y axis that always shows 0 and goes below it only when a value does (ROI can be negative, CTR cannot).</summary>
    public static void WithZero(Plot plot, IYAxis axis, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var finite = values.Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var (low, high) = (Math.Min(0, finite.Min()), Math.Max(0, finite.Max()));
        var room = Math.Max(high - low, 1) * 0.15;
        plot.Axes.SetLimitsY(low < 0 ? low - room : 0, high + room, axis);
    }
}
