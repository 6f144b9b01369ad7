using AdStudio.Core.Reporting;
using AdStudio.Tests.Support;
using AdStudio.Web.Components.Charts;
using AdStudio.Web.Features.Dashboard;
using ScottPlot;

namespace AdStudio.Tests.Web.Features.Dashboard;

public sealed class KpiChartsTests
{
    private static Plot Rendered(KpiReport report)
    {
        var plot = KpiCharts.DailyRates(report);
        Assert.NotNull(plot);
        plot.GetSvgXml(1100, 360);
        return plot;
    }

    [Fact]
    public void DailyRates_LowRates_RateAxisStartsAtZero()
    {
        var plot = Rendered(KpiReports.Busy());

        Assert.Equal(0, plot.Axes.Left.Min);
        Assert.True(plot.Axes.Left.Max > 2, $"top {plot.Axes.Left.Max}");
    }

    [Fact]
    public void DailyRates_ThirtyDays_TicksOnWholeDaysLabelledWithDates()
    {
        var plot = Rendered(KpiReports.Busy());

        var major = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor && t.Position >= plot.Axes.Bottom.Min && t.Position <= plot.Axes.Bottom.Max).ToList();
        Assert.Equal(["3 Nov", "6 Nov", "9 Nov", "12 Nov", "15 Nov", "18 Nov", "21 Nov", "24 Nov", "27 Nov", "30 Nov"], major.Select(t => t.Label));
        Assert.All(major, t => Assert.Equal(Math.Round(t.Position), t.Position, 9));
        var minor = plot.Axes.Bottom.TickGenerator.Ticks.Count(t => !t.IsMajor && t.Position >= plot.Axes.Bottom.Min && t.Position <= plot.Axes.Bottom.Max);
        Assert.Equal(20, minor);
    }

    [Fact]
    public void DailyRates_DaysBelowTheMinimumVolume_LeavesTheirRatesOutAndSaysSo()
    {
        // Day 5 has 50 impressions (a 20 % CTR nobody should trust), day 9 has 10 clicks (CVR on too few clicks).
        var report = KpiReports.November(i => i switch
        {
            5 => new Kpis(50, 10, 5, 5, 5),
            9 => new Kpis(2_000, 10, 9, 5, 5),
            _ => new Kpis(2_000, 40, 4, 5, 5),
        });

        var plot = Rendered(report);

        var leftPoints = plot.GetPlottables<ScottPlot.Plottables.Scatter>().Where(s => s.Axes.YAxis == plot.Axes.Left)
            .SelectMany(s => s.Data.GetScatterPoints()).ToList();
        Assert.DoesNotContain(leftPoints, p => p.X == ChartAxes.X(KpiReports.From.AddDays(5)));
        Assert.Single(leftPoints, p => p.X == ChartAxes.X(KpiReports.From.AddDays(9)));
        Assert.Equal((29 * 2) - 1, leftPoints.Count);
        var roiPoints = plot.GetPlottables<ScottPlot.Plottables.Scatter>().Where(s => s.Axes.YAxis == plot.Axes.Right).SelectMany(s => s.Data.GetScatterPoints());
        Assert.DoesNotContain(roiPoints, p => p.X == ChartAxes.X(KpiReports.From.AddDays(9)));
        Assert.Equal(
            "Not drawn, too little volume for the rate to mean much: CTR on 1 day with fewer than 100 impressions; CVR and ROI on 2 days with fewer than 20 clicks.",
            KpiCharts.SparseNote(report));
    }

    [Fact]
    public void SparseNote_EnoughVolumeEveryDay_IsNull() => Assert.Null(KpiCharts.SparseNote(KpiReports.Busy()));

    [Fact]
    public void DailyRates_LossesOnSomeDays_RoiAxisShowsZeroAndTheLosses()
    {
        var plot = Rendered(KpiReports.Busy());

        Assert.True(plot.Axes.Right.Min < 0, $"bottom {plot.Axes.Right.Min}");
        Assert.True(plot.Axes.Right.Max > 0, $"top {plot.Axes.Right.Max}");
    }
}
