using AdStudio.Core.Reporting;
using AdStudio.Web.Components.Charts;
using ScottPlot;

namespace AdStudio.Web.Features.Campaigns;

/// <summary>A campaign's daily volume and efficiency charts; every axis starts at 0 and ticks on days.</summary>
public static class CampaignCharts
{
    /// <summary>Impressions (bars, left) and spend and revenue (lines, right) in the shop's currency (<paramref name="currencySymbol"/>).</summary>
    public static Plot? Volume(KpiReport report, string currencySymbol)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Totals.Impressions == 0)
        {
            return null;
        }

        var plot = new Plot();
        var xs = report.Days.Select(d => ChartAxes.X(d.Date)).ToArray();
        var impressions = report.Days.Select(d => (double)d.Kpis.Impressions).ToArray();
        var bars = plot.Add.Bars(xs, impressions);
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
        ChartAxes.Daily(plot, report.From, report.To);
        ChartAxes.FromZero(plot, plot.Axes.Left, impressions);
        ChartAxes.FromZero(plot, plot.Axes.Right, report.Days.SelectMany(d => new[] { d.Kpis.Spend, d.Kpis.Revenue }));
        plot.Axes.Left.Label.Text = "Impressions";
        plot.Axes.Right.Label.Text = $"Spend and revenue ({currencySymbol})";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Cost per acquisition in <paramref name="currencySymbol"/> (left) and return on ad spend (right), on days where they are defined.</summary>
    public static Plot? Efficiency(KpiReport report, string currencySymbol)
    {
        ArgumentNullException.ThrowIfNull(report);
        var days = report.Days.Where(d => d.Kpis.Spend > 0).ToList();
        if (days.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var withConversions = days.Where(d => d.Kpis.Conversions > 0).ToList();
        var cpas = withConversions.Select(d => d.Kpis.Spend / d.Kpis.Conversions).ToArray();
        if (withConversions.Count > 0)
        {
            var cpa = plot.Add.Scatter(withConversions.Select(d => ChartAxes.X(d.Date)).ToArray(), cpas, Colors.DarkOrange);
            cpa.LegendText = "CPA";
        }

        var roasValues = days.Select(d => d.Kpis.Revenue / d.Kpis.Spend).ToArray();
        var roas = plot.Add.Scatter(days.Select(d => ChartAxes.X(d.Date)).ToArray(), roasValues, Colors.Purple);
        roas.LegendText = "ROAS (right)";
        roas.Axes.YAxis = plot.Axes.Right;
        ChartAxes.Daily(plot, report.From, report.To);
        ChartAxes.FromZero(plot, plot.Axes.Left, cpas);
        ChartAxes.FromZero(plot, plot.Axes.Right, roasValues);
        plot.Axes.Left.Label.Text = $"CPA ({currencySymbol} per conversion)";
        plot.Axes.Right.Label.Text = "ROAS (revenue ÷ spend)";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
