using Microsoft.AspNetCore.Components;

namespace AdStudio.Web.Components.Charts;

/// <summary>Turns a ScottPlot plot into SVG markup that can sit inside an HTML page.</summary>
public static class ChartSvg
{
    /// <summary>The font every chart uses, installed with Debian's fonts-dejavu-core.</summary>
    public const string FontFamily = "DejaVu Sans";

    public static MarkupString Render(ScottPlot.Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Font.Set(FontFamily);
        var xml = plot.GetSvgXml(width, height);
        // GetSvgXml starts with an XML declaration, which is not allowed inside HTML.
        var start = xml.IndexOf("<svg", StringComparison.Ordinal);
        var svg = start >= 0 ? xml[start..] : xml;
        return new MarkupString(svg.Replace("<svg ", $"<svg viewBox=\"0 0 {width} {height}\" style=\"width:100%;height:auto\" ", StringComparison.Ordinal));
    }
}
