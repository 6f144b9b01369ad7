using AdStudio.Core.Experiments.Offline;
using ScottPlot;

namespace AdStudio.Web.Features.Experiments.Offline;

/// <summary>The forest plot of an analysed file: one row per treatment and metric with its relative lift (%) and interval.</summary>
public static class OfflineCharts
{
    /// <summary>Rows worth drawing: treatments whose metric has a lift and an interval.</summary>
    public static List<(OfflineVariant Variant, OfflineMetric Metric)> Rows(OfflineResults results) =>
        [.. results.Variants.SelectMany(v => v.Metrics.Where(m => m is { Effect: not null, CiLow: not null, CiHigh: not null }).Select(m => (v, m)))];

    public static Plot? Forest(OfflineResults results)
    {
        var rows = Rows(results);
        if (rows.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var ticks = new List<Tick>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (variant, metric) = rows[i];
            var position = rows.Count - i;
            var color = metric.CiLow > 0 ? Colors.SeaGreen : metric.CiHigh < 0 ? Colors.Crimson : Colors.SlateGray;
            var line = plot.Add.Line(metric.CiLow!.Value * 100, position, metric.CiHigh!.Value * 100, position);
            line.Color = color;
            line.LineWidth = 3;
            var marker = plot.Add.Marker(metric.Effect!.Value * 100, position);
            marker.Color = color;
            marker.Size = 10;
            ticks.Add(Tick.Major(position, $"{OfflineLabels.Metric(metric.Metric)} · {variant.Name}"));
        }

        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Black;
        zero.LinePattern = LinePattern.Dashed;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.Label.Text = $"Relative lift over {results.Control} (%) with interval";
        plot.Axes.SetLimitsY(0.4, rows.Count + 0.6);
        return plot;
    }
}
