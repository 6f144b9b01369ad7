using AdStudio.Core.Privacy.Consent;
using AdStudio.Web.Components.Charts;
using ScottPlot;

namespace AdStudio.Web.Features.Privacy;

/// <summary>The share of shoppers allowing each purpose over time, in percent on a 0–100 axis.</summary>
public static class ConsentShareChart
{
    public static Plot? Build(IReadOnlyList<ConsentSharePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var xs = points.Select(p => ChartAxes.X(p.Day)).ToArray();
        var personalisation = plot.Add.Scatter(xs, [.. points.Select(p => p.PersonalisationShare * 100)], Colors.SteelBlue);
        personalisation.LegendText = "Personalisation";
        var measurement = plot.Add.Scatter(xs, [.. points.Select(p => p.MeasurementShare * 100)], Colors.DarkOrange);
        measurement.LegendText = "Measurement";
        ChartAxes.Daily(plot, points[0].Day, points[^1].Day);
        // A share is a part of 100: the full axis keeps a small change from looking like a collapse.
        plot.Axes.SetLimitsY(0, 105, plot.Axes.Left);
        plot.Axes.Left.Label.Text = "Shoppers allowing (%)";
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }
}
