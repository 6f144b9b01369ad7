using AdStudio.Core.Experiments.Offline;
using AdStudio.Web.Features.Experiments.Offline;

namespace AdStudio.Tests.Web.Features.Experiments.Offline;

public sealed class OfflineResultsCsvTests
{
    [Fact]
    public void Write_VariantNamedLikeAFormula_IsEscapedAndControlHasEmptyLift()
    {
        var results = new OfflineResults(
            [
                new OfflineVariant("=HYPERLINK(\"http://x\")", 10, [new OfflineMetric(OfflineMetric.ConversionRate, 0.1)]),
                new OfflineVariant("B", 12, [new OfflineMetric(OfflineMetric.ConversionRate, 0.25, 1.5, 0.2, 2.8, 0.03, 0.97)]),
            ],
            "=HYPERLINK(\"http://x\")", new SrmResult(0.7, false), 0, []);

        var lines = OfflineResultsCsv.Write(results).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Variant,IsControl,Units,Metric,Label,Value,RelativeLift", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith('=') || l.StartsWith("\"=", StringComparison.Ordinal));
        Assert.Contains(",conversion_rate,Shopper conversion,0.1,,,,,,", lines[1], StringComparison.Ordinal);
        Assert.Contains("B,False,12,conversion_rate,Shopper conversion,0.25,1.5,0.2,2.8,0.03,,0.97", lines[2], StringComparison.Ordinal);
    }
}
