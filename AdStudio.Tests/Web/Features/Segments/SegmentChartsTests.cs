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
        // 50 shoppers with 1..50 visits: the bins split 0..50, so the last bin holds 45.83 and more.
        var rows = Enumerable.Range(1, 50).Select(i => Row(i, i)).ToArray();
        var audience = new Audience(DateTime.UnixEpoch, rows, []);

        var plot = SegmentCharts.Distribution(audience, rows[..25], r => r.Visits30d, "Visits in 30 days");
        Assert.NotNull(plot);
        plot.GetSvgXml(640, 280);

        var labels = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(SegmentCharts.Bins, labels.Count);
        Assert.Equal("0", labels[0]);
        Assert.Equal("≥ 45.8", labels[^1]);
        Assert.All(labels[..^1], l => Assert.DoesNotContain("≥", l, StringComparison.Ordinal));
        Assert.Equal(0, plot.Axes.Left.Min);
    }
}
