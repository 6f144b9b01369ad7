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
            var (variant, m) = rows[i];
            var y = rows.Count - i;
            var color = m.CiLow > 0 ? Colors.SeaGreen : m.CiHigh < 0 ? Colors.Crimson : Colors.SlateGray;
            var line = plot.Add.Line(m.CiLow!.Value * 100, y, m.CiHigh!.Value * 100, y);
            line.Color = color;
            line.LineWidth = 3;
            var marker = plot.Add.Marker(m.Effect!.Value * 100, y);
            marker.Color = color;
            marker.Size = 10;
            ticks.Add(Tick.Major(y, $"{OfflineLabels.Metric(m.Metric)} · {variant.Name}"));
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
