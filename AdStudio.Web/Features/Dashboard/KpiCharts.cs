using System.Globalization;
using AdStudio.Core.Reporting;
using AdStudio.Web.Components.Charts;
using ScottPlot;

namespace AdStudio.Web.Features.Dashboard;

/// <summary>Builds the dashboard's ScottPlot figures from a <see cref="KpiReport"/>.</summary>
public static class KpiCharts
{
    /// <summary>
    /// Daily CTR and CVR (per click) on the left axis (%, from 0) and ROI on the right axis (%); one tick per day (or per
    /// few days on long periods). A day's CTR is left out below <see cref="MinimumVolume.ImpressionsForCtr"/> impressions,
    /// its CVR and ROI below <see cref="MinimumVolume.ClicksForCvr"/> clicks (see <see cref="SparseNote"/>). Null when there is nothing to draw.
    /// </summary>
    public static Plot? DailyRates(KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Totals.Impressions == 0)
        {
            return null;
        }

        var plot = new Plot();
        var ctr = Points(report, k => k.Impressions >= MinimumVolume.ImpressionsForCtr ? k.Ctr : null);
        var cvr = Points(report, k => k.Clicks >= MinimumVolume.ClicksForCvr ? k.Cvr : null);
        var roi = Points(report, k => k.Clicks >= MinimumVolume.ClicksForCvr ? k.Roi : null);
        AddSeries(plot, ctr, "CTR %", Colors.RoyalBlue, plot.Axes.Left);
        AddSeries(plot, cvr, "CVR (per click) %", Colors.SeaGreen, plot.Axes.Left);
        AddSeries(plot, roi, "ROI % (right axis)", Colors.DarkOrange, plot.Axes.Right);
        ChartAxes.Daily(plot, report.From, report.To);
        ChartAxes.FromZero(plot, plot.Axes.Left, ctr.Concat(cvr).Select(p => p.Y));
        ChartAxes.WithZero(plot, plot.Axes.Right, roi.Select(p => p.Y));
        plot.Axes.Left.Label.Text = "CTR and CVR (%)";
        plot.Axes.Right.Label.Text = "ROI (%)";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Says which days' rates the chart leaves out for too little volume; null when it leaves none out.</summary>
    public static string? SparseNote(KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ctr = report.Days.Count(d => d.Kpis.Impressions is > 0 and < MinimumVolume.ImpressionsForCtr);
        var cvr = report.Days.Count(d => d.Kpis.Clicks is > 0 and < MinimumVolume.ClicksForCvr);
        if (ctr == 0 && cvr == 0)
        {
            return null;
        }

        var parts = new List<string>(2);
        if (ctr > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"CTR on {Days(ctr)} with fewer than {MinimumVolume.ImpressionsForCtr} impressions"));
        }

        if (cvr > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"CVR and ROI on {Days(cvr)} with fewer than {MinimumVolume.ClicksForCvr} clicks"));
        }

        return "Not drawn, too little volume for the rate to mean much: " + string.Join("; ", parts) + ".";
    }

    private static string Days(int count) => count == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{count} days");

    private static List<(DateOnly Day, double Y)> Points(KpiReport report, Func<Kpis, double?> rate) =>
        [.. report.Days.Where(d => rate(d.Kpis).HasValue).Select(d => (d.Date, rate(d.Kpis)!.Value * 100))];

    private static void AddSeries(Plot plot, List<(DateOnly Day, double Y)> points, string label, Color color, IYAxis axis)
    {
        // A line across a left-out day would draw a trend nobody measured: one line per run of consecutive days.
        var runs = new List<List<(DateOnly Day, double Y)>>();
        foreach (var point in points)
        {
            if (runs.Count == 0 || runs[^1][^1].Day.AddDays(1) != point.Day)
            {
                runs.Add([]);
            }

            runs[^1].Add(point);
        }

        for (var i = 0; i < runs.Count; i++)
        {
            var scatter = plot.Add.Scatter(runs[i].Select(p => ChartAxes.X(p.Day)).ToArray(), runs[i].Select(p => p.Y).ToArray(), color);
            scatter.LegendText = i == 0 ? label : "";
            scatter.LineWidth = 2;
            scatter.MarkerSize = 4;
            scatter.Axes.YAxis = axis;
        }
    }
}
