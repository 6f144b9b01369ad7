using AdStudio.Core.Reporting;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Campaigns;

namespace AdStudio.Tests.Web.Features.Campaigns;

public sealed class CampaignChartsTests
{
    [Fact]
    public void Volume_Busy_CountAndMoneyAxesStartAtZeroWithTheCurrencyAndDailyTicks()
    {
        var plot = CampaignCharts.Volume(KpiReports.Busy(), "$");
        Assert.NotNull(plot);

        plot.GetSvgXml(640, 300);

        Assert.Equal(0, plot.Axes.Left.Min);
        Assert.Equal(0, plot.Axes.Right.Min);
        Assert.Equal("Spend and revenue ($)", plot.Axes.Right.Label.Text);
        Assert.Contains(plot.Axes.Bottom.TickGenerator.Ticks, t => t.IsMajor && t.Label == "30 Nov");
    }

    [Fact]
    public void Efficiency_Busy_AxesStartAtZeroAndCpaNamesTheCurrency()
    {
        var plot = CampaignCharts.Efficiency(KpiReports.Busy(), "€");
        Assert.NotNull(plot);

        plot.GetSvgXml(640, 300);

        Assert.Equal(0, plot.Axes.Left.Min);
        Assert.Equal(0, plot.Axes.Right.Min);
        Assert.Equal("CPA (€ per conversion)", plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void Volume_NoImpressions_IsNull() =>
        Assert.Null(CampaignCharts.Volume(KpiReports.November(_ => new Kpis(0, 0, 0, 0, 0)), "€"));
}
