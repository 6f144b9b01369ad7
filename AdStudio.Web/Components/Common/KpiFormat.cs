using System.Globalization;

namespace AdStudio.Web.Components.Common;

/// <summary>How KPI values read on screen; undefined rates show as an em dash.</summary>
public static class KpiFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Culture);

    public static string Money(double value) => value.ToString("N2", Culture);

    public static string Percent(double? value, int decimals = 2) =>
        value is { } share ? (share * 100).ToString($"F{decimals}", Culture) + " %" : "—";
}
