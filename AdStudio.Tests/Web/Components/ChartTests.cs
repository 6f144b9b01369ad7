using AdStudio.Tests.Support;
using AdStudio.Web.Components.Charts;
using Bunit;

namespace AdStudio.Tests.Web.Components;

public sealed class ChartTests : IAsyncLifetime
{
    private readonly BunitContext _ui = UiTestContext.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    private static readonly double[] Xs = [1, 2, 3, 4];
    private static readonly double[] Ys = [2.5, 3.1, 2.2, 4.8];

    private static ScottPlot.Plot LinePlot()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(Xs, Ys);
        plot.Axes.Left.Label.Text = "CTR (%)";
        return plot;
    }

    [Fact]
    public void Chart_WithPlot_InlinesScalableSvgWithItsText()
    {
        var cut = _ui.Render<Chart>(p => p
            .Add(c => c.Plot, LinePlot())
            .Add(c => c.Title, "Test chart")
            .Add(c => c.Width, 640)
            .Add(c => c.Height, 300));

        var figure = cut.Find("figure[data-chart='Test chart']");
        Assert.Equal("img", figure.GetAttribute("role"));
        Assert.Equal("Test chart", figure.GetAttribute("aria-label"));
        var svg = cut.Find("figure svg");
        Assert.Equal("0 0 640 300", svg.GetAttribute("viewBox"));
        Assert.DoesNotContain("<?xml", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("CTR (%)", svg.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("figure svg path, figure svg polyline, figure svg line"));
    }

    [Fact]
    public void Chart_WithoutPlot_ShowsEmptyText()
    {
        var cut = _ui.Render<Chart>(p => p
            .Add(c => c.Title, "Empty chart")
            .Add(c => c.EmptyText, "No data for this period."));

        Assert.Empty(cut.FindAll("svg"));
        Assert.Contains("No data for this period.", cut.Find("figure").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_NewPlotParameter_RendersTheNewPlot()
    {
        var cut = _ui.Render<Chart>(p => p.Add(c => c.Plot, LinePlot()).Add(c => c.Title, "t"));
        var other = new ScottPlot.Plot();
        other.Add.Scatter(Ys, Xs);
        other.Axes.Left.Label.Text = "Revenue";

        cut.Render(p => p.Add(c => c.Plot, other));

        Assert.Contains("Revenue", cut.Find("svg").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("CTR (%)", cut.Find("svg").TextContent, StringComparison.Ordinal);
    }
}
