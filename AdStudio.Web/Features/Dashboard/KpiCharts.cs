using AdStudio.Core.Reporting;
using ScottPlot;

namespace AdStudio.Web.Features.Dashboard;

/// <summary>Builds the dashboard's ScottPlot figures from a <see cref="KpiReport"/>.</summary>
public static class KpiCharts
{
    /// <summary>Daily CTR and CVR (left axis, %) and ROI (right axis, %); null when there is nothing to draw.</summary>
    public static Plot? DailyRates(KpiReport report)
    {
        if (report.Totals.Impressions == 0)
        {
            return null;
        }

        var plot = new Plot();
        AddSeries(plot, report, k => k.Ctr, "CTR %", Colors.RoyalBlue, plot.Axes.Left);
        AddSeries(plot, report, k => k.Cvr, "CVR %", Colors.SeaGreen, plot.Axes.Left);
        AddSeries(plot, report, k => k.Roi, "ROI % (right axis)", Colors.DarkOrange, plot.Axes.Right);
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Left.Label.Text = "CTR and CVR (%)";
        plot.Axes.Right.Label.Text = "ROI (%)";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static void AddSeries(Plot plot, KpiReport report, Func<Kpis, double?> rate, string label, Color color, IYAxis axis)
    {
        var points = report.Days
            .Where(d => rate(d.Kpis).HasValue)
            .Select(d => (X: d.Date.ToDateTime(TimeOnly.MinValue).ToOADate(), Y: rate(d.Kpis)!.Value * 100))
            .ToArray();
        if (points.Length == 0)
        {
            return;
        }

        var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), color);
        scatter.LegendText = label;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 4;
        scatter.Axes.YAxis = axis;
    }
}
