using AdStudio.Core.Experiments.Results;
using ScottPlot;

namespace AdStudio.Web.Features.Experiments;

/// <summary>The results page's figures: a forest plot of lifts and shopper conversion's lift over time.</summary>
public static class ExperimentCharts
{
    /// <summary>Treatments and metrics with a comparison worth drawing (enough data), in table order.</summary>
    public static List<(MetricResult Metric, VariantMetric Variant)> ForestRows(ExperimentResults results) =>
        [.. results.Metrics.SelectMany(m => m.Variants.Where(v => v.Comparison is not null && v.EnoughData).Select(v => (m, v)))];

    /// <summary>
    /// One row per treatment and metric with enough data: the lift with its interval, relative (%) for most metrics and
    /// absolute (pp) for ROI, as each row's label says; null when nothing can be drawn.
    /// </summary>
    public static Plot? Forest(ExperimentResults results)
    {
        var rows = ForestRows(results);
        if (rows.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var ticks = new List<Tick>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (metric, variant) = rows[i];
            var comparison = variant.Comparison!;
            var position = rows.Count - i;
            var low = (comparison.CiLow ?? comparison.Effect - (4 * comparison.StandardError)) * 100;
            var high = (comparison.CiHigh ?? comparison.Effect + (4 * comparison.StandardError)) * 100;
            var color = comparison.CiLow > 0 ? Colors.SeaGreen : comparison.CiHigh < 0 ? Colors.Crimson : Colors.SlateGray;
            var line = plot.Add.Line(low, position, high, position);
            line.Color = color;
            line.LineWidth = 3;
            var marker = plot.Add.Marker(comparison.Effect * 100, position);
            marker.Color = color;
            marker.Size = 10;
            var arm = results.Arms.First(a => a.VariantId == variant.VariantId).Label;
            var unit = metric.LiftType == AdStudio.Core.Experiments.Stats.DifferenceType.Relative ? "%" : "pp";
            ticks.Add(Tick.Major(position, $"{metric.Label} ({unit}) · {arm}"));
        }

        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Black;
        zero.LinePattern = LinePattern.Dashed;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.Label.Text = "Lift over control with interval: relative % (ROI: absolute pp)";
        plot.Axes.SetLimitsY(0.4, rows.Count + 0.6);
        return plot;
    }

    /// <summary>Cumulative relative lift (%) of each treatment on shopper conversion with its interval as a band.</summary>
    public static Plot? CumulativeLift(ExperimentResults results)
    {
        if (results.CumulativeLift.Count < 2)
        {
            return null;
        }

        var plot = new Plot();
        Color[] palette = [Colors.RoyalBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.Purple];
        var arms = results.CumulativeLift.GroupBy(p => p.VariantId).ToList();
        for (var a = 0; a < arms.Count; a++)
        {
            var points = arms[a].OrderBy(p => p.Day).ToList();
            var xs = points.Select(p => p.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var color = palette[a % palette.Length];
            var withBand = points.Where(p => p.Low.HasValue && p.High.HasValue).ToList();
            if (withBand.Count > 1)
            {
                var band = plot.Add.FillY(
                    [.. withBand.Select(p => p.Day.ToDateTime(TimeOnly.MinValue).ToOADate())],
                    [.. withBand.Select(p => p.Low!.Value * 100)],
                    [.. withBand.Select(p => p.High!.Value * 100)]);
                band.FillColor = color.WithAlpha(0.18);
                band.LineWidth = 0;
            }

            var line = plot.Add.Scatter(xs, [.. points.Select(p => p.Lift * 100)], color);
            line.LineWidth = 2;
            line.MarkerSize = 3;
            line.LegendText = results.Arms.First(x => x.VariantId == arms[a].Key).Label;
        }

        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black;
        zero.LinePattern = LinePattern.Dashed;
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Left.Label.Text = $"{MetricKey.Label(ExperimentResults.CumulativeMetric)} relative lift (%)";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
