using System.Globalization;
using AdStudio.Core.Segments;
using AdStudio.Core.Segments.Rules;
using AdStudio.Web.Components.Charts;
using ScottPlot;

namespace AdStudio.Web.Features.Segments;

/// <summary>A segment's size over time and how its shoppers differ from everyone.</summary>
public static class SegmentCharts
{
    public static Plot? SizeHistory(IReadOnlyList<SegmentSizePoint> points)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var plot = new Plot();
        var line = plot.Add.Scatter(points.Select(p => p.At.ToOADate()).ToArray(), points.Select(p => (double)p.Size).ToArray(), Colors.RoyalBlue);
        line.LineWidth = 2;
        plot.Axes.DateTimeTicksBottom();
        ChartAxes.FromZero(plot, plot.Axes.Left, points.Select(p => (double)p.Size));
        plot.Axes.Left.Label.Text = "Shoppers";
        return plot;
    }

    /// <summary>Mean interest per category, segment beside all consenting shoppers.</summary>
    public static Plot? Interests(Audience audience, IReadOnlyCollection<AudienceRow> members)
    {
        if (members.Count == 0 || audience.Categories.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var ticks = new List<Tick>();
        for (var c = 0; c < audience.Categories.Count; c++)
        {
            var all = audience.Rows.Average(r => r.Interests[c]);
            var segment = members.Average(r => r.Interests[c]);
            var allBar = plot.Add.Bar(position: (c * 3) + 0.5, value: all * 100);
            allBar.Color = Colors.LightGray;
            allBar.LegendText = c == 0 ? "All shoppers" : "";
            var segmentBar = plot.Add.Bar(position: (c * 3) + 1.5, value: segment * 100);
            segmentBar.Color = Colors.RoyalBlue;
            segmentBar.LegendText = c == 0 ? "Segment" : "";
            ticks.Add(Tick.Major((c * 3) + 1, audience.Categories[c]));
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        // A short axis title: the long one ran past the top and bottom of the 280 px chart; the legend names the colours.
        plot.Axes.Left.Label.Text = "Mean interest (%)";
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>Most histogram bins of <see cref="Distribution"/>; the last one also holds everything above the 98th percentile.</summary>
    public const int MaxBins = 12;

    /// <summary>
    /// Distribution of a numeric feature (share of shoppers per bin), segment against all. The bins split 0 to the 98th
    /// percentile; the last bin gathers the long tail, so its tick reads "≥ x" (x and more) rather than pretending to end.
    /// </summary>
    public static Plot? Distribution(Audience audience, IReadOnlyCollection<AudienceRow> members, Func<AudienceRow, double> feature, string label)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            return null;
        }

        var values = audience.Rows.Select(feature).Order().ToArray();
        var top = values[(int)Math.Min(values.Length - 1, Math.Floor(values.Length * 0.98))];
        if (top <= 0)
        {
            return null;
        }

        // Whole-number features (visits) get whole-number bins, so ticks read 0, 5, 10 … rather than 0.417.
        var whole = values.All(v => v == Math.Floor(v));
        var width = whole ? Math.Ceiling(top / MaxBins) : top / MaxBins;
        var bins = whole ? Math.Min(MaxBins, (int)(top / width) + 1) : MaxBins;
        double[] Shares(IEnumerable<double> xs, int total)
        {
            var counts = new double[bins];
            foreach (var x in xs)
            {
                counts[Math.Clamp((int)(x / width), 0, bins - 1)]++;
            }

            return [.. counts.Select(c => 100 * c / total)];
        }

        var plot = new Plot();
        var positions = Enumerable.Range(0, bins).Select(i => (i + 0.5) * width).ToArray();
        var all = Shares(values, values.Length);
        var segment = Shares(members.Select(feature), members.Count);
        var allLine = plot.Add.Scatter(positions, all, Colors.Gray);
        allLine.LegendText = "All shoppers";
        var segmentLine = plot.Add.Scatter(positions, segment, Colors.RoyalBlue);
        segmentLine.LegendText = "Segment";
        segmentLine.LineWidth = 2;
        // One tick per bin at its lower edge; the open-ended last bin says so.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, bins)
            .Select(i => Tick.Major(i * width, (i == bins - 1 ? "≥ " : "") + (i * width).ToString("G3", CultureInfo.InvariantCulture)))]);
        plot.Axes.SetLimitsX(0, bins * width);
        ChartAxes.FromZero(plot, plot.Axes.Left, all.Concat(segment));
        plot.Axes.Bottom.Label.Text = label + " (last bin: that much and more)";
        plot.Axes.Left.Label.Text = "Shoppers (%)";
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
