using System.Globalization;
using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Experiments.Stats;
using AdStudio.Web.Components.Common;

namespace AdStudio.Web.Features.Experiments;

/// <summary>How experiment figures read on screen.</summary>
public static class ResultFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Value(string metric, double value) => metric switch
    {
        MetricKey.RevenuePerShopper => KpiFormat.Money(value),
        MetricKey.Roi => KpiFormat.Percent(value, 0),
        _ => KpiFormat.Percent(value),
    };

    public static string Lift(ComparisonResult c) =>
        $"{Signed(c.Effect)} [{(c.CiLow is { } l ? Signed(l) : "−∞")}, {(c.CiHigh is { } h ? Signed(h) : "+∞")}]";

    public static string PValue(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("F4", Culture);

    private static string Signed(double v) => (v * 100).ToString("+0.0;−0.0;0.0", Culture) + " %";
}
