using AdStudio.Core.Segments;
using AdStudio.Core.Segments.Rules;
using AdStudio.Web.Features.Segments;

namespace AdStudio.Tests.Web.Features.Segments;

public sealed class SegmentChartsTests
{
    private static AudienceRow Row(int i, double visits) => new() { ShopperId = $"s{i}", Visits30d = visits, Interests = [], TopCategories = [] };

    [Fact]
    public void Distribution_LongTail_LastBucketSaysAndMoreAndSharesStartAtZero()
    {
        // 50 shoppers with 1..50 visits: whole bins of 5 visits, the last one holding 50 and more.
        var rows = Enumerable.Range(1, 50).Select(i => Row(i, i)).ToArray();
        var audience = new Audience(DateTime.UnixEpoch, rows, []);

        var plot = SegmentCharts.Distribution(audience, rows[..25], r => r.Visits30d, "Visits in 30 days");
        Assert.NotNull(plot);
        plot.GetSvgXml(640, 280);

        var labels = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(["0", "5", "10", "15", "20", "25", "30", "35", "40", "45", "≥ 50"], labels);
        Assert.Equal(0, plot.Axes.Left.Min);
    }

    [Fact]
    public void Distribution_FractionalFeature_TwelveBinsTheLastOpenEnded()
    {
        var rows = Enumerable.Range(1, 50).Select(i => new AudienceRow { ShopperId = $"s{i}", Spend90d = i * 1.5, Interests = [], TopCategories = [] }).ToArray();
        var audience = new Audience(DateTime.UnixEpoch, rows, []);

        var plot = SegmentCharts.Distribution(audience, rows, r => r.Spend90d, "Spend");
        Assert.NotNull(plot);
        plot.GetSvgXml(640, 280);

        var labels = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(SegmentCharts.MaxBins, labels.Count);
        Assert.Equal("≥ 68.8", labels[^1]);
    }
}
