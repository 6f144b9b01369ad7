using AdStudio.Core.Reporting;
using ScottPlot;

namespace AdStudio.Web.Features.Campaigns;

/// <summary>A campaign's daily volume and efficiency charts.</summary>
public static class CampaignCharts
{
    /// <summary>Impressions (bars, left) and spend and revenue (lines, right).</summary>
    public static Plot? Volume(KpiReport report)
    {
        if (report.Totals.Impressions == 0)
        {
            return null;
        }

        var plot = new Plot();
        var xs = report.Days.Select(d => d.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var bars = plot.Add.Bars(xs, [.. report.Days.Select(d => (double)d.Kpis.Impressions)]);
        bars.Color = Colors.LightSteelBlue;
        bars.LegendText = "Impressions";
        foreach (var bar in bars.Bars)
        {
            bar.Size = 0.8;
        }

        var spend = plot.Add.Scatter(xs, [.. report.Days.Select(d => d.Kpis.Spend)], Colors.Crimson);
        spend.LegendText = "Spend (right)";
        spend.Axes.YAxis = plot.Axes.Right;
        var revenue = plot.Add.Scatter(xs, [.. report.Days.Select(d => d.Kpis.Revenue)], Colors.SeaGreen);
        revenue.LegendText = "Revenue (right)";
        revenue.Axes.YAxis = plot.Axes.Right;
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Left.Label.Text = "Impressions";
        plot.Axes.Right.Label.Text = "Money";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Cost per acquisition (left) and return on ad spend (right), on days where they are defined.</summary>
    public static Plot? Efficiency(KpiReport report)
    {
        var days = report.Days.Where(d => d.Kpis.Spend > 0).ToList();
        if (days.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var withConversions = days.Where(d => d.Kpis.Conversions > 0).ToList();
        if (withConversions.Count > 0)
        {
            var cpa = plot.Add.Scatter(
                withConversions.Select(d => d.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(),
                withConversions.Select(d => d.Kpis.Spend / d.Kpis.Conversions).ToArray(), Colors.DarkOrange);
            cpa.LegendText = "CPA";
        }

        var roas = plot.Add.Scatter(
            days.Select(d => d.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(),
            days.Select(d => d.Kpis.Revenue / d.Kpis.Spend).ToArray(), Colors.Purple);
        roas.LegendText = "ROAS (right)";
        roas.Axes.YAxis = plot.Axes.Right;
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Left.Label.Text = "CPA";
        plot.Axes.Right.Label.Text = "ROAS (revenue ÷ spend)";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
