using AdStudio.Core.Segments;
using AdStudio.Core.Segments.Rules;
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
            var a = plot.Add.Bar(position: (c * 3) + 0.5, value: all * 100);
            a.Color = Colors.LightGray;
            var s = plot.Add.Bar(position: (c * 3) + 1.5, value: segment * 100);
            s.Color = Colors.RoyalBlue;
            ticks.Add(Tick.Major((c * 3) + 1, audience.Categories[c]));
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Left.Label.Text = "Mean interest (%) · grey all, blue segment";
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>Distribution of a numeric feature (share of shoppers per bin), segment against all.</summary>
    public static Plot? Distribution(Audience audience, IReadOnlyCollection<AudienceRow> members, Func<AudienceRow, double> feature, string label)
    {
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

        const int bins = 12;
        var width = top / bins;
        double[] Shares(IEnumerable<double> xs, int n)
        {
            var counts = new double[bins];
            foreach (var x in xs)
            {
                counts[Math.Clamp((int)(x / width), 0, bins - 1)]++;
            }

            return [.. counts.Select(c => 100 * c / n)];
        }

        var plot = new Plot();
        var positions = Enumerable.Range(0, bins).Select(i => (i + 0.5) * width).ToArray();
        var all = plot.Add.Scatter(positions, Shares(values, values.Length), Colors.Gray);
        all.LegendText = "All shoppers";
        var seg = plot.Add.Scatter(positions, Shares(members.Select(feature), members.Count), Colors.RoyalBlue);
        seg.LegendText = "Segment";
        seg.LineWidth = 2;
        plot.Axes.Bottom.Label.Text = label;
        plot.Axes.Left.Label.Text = "Shoppers (%)";
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
