using System.Globalization;
using AdStudio.Core.Creatives;

namespace AdStudio.Web.Features.Creatives;

/// <summary>
/// How the storefront lays copy over an image of a placement: a banner (leaderboard, mobile: wide and low) shows the
/// headline on one line beside the call to action and no body; a box (sidebar, feed) shows headline, body and button
/// at the bottom. Text longer than the placement's limit is cut with an ellipsis, as the storefront does. Sizes are
/// fractions of the placement's width (container units), so a preview scaled down to fit the page keeps the proportions
/// the shopper sees.
/// </summary>
public sealed class AdLayout
{
    private AdLayout(int width, int height, CopyLimit? limit)
    {
        Width = width;
        Height = height;
        Limit = limit;
        IsBanner = height < 120 || width >= 4 * height;
        HeadlinePx = IsBanner ? Math.Min(height * 0.36, 24) : Math.Min(width * 0.065, height * 0.08);
        SmallPx = HeadlinePx * (IsBanner ? 0.7 : 0.62);
    }

    public int Width { get; }

    public int Height { get; }

    public CopyLimit? Limit { get; }

    public bool IsBanner { get; }

    /// <summary>Headline size at the placement's real size, in CSS pixels.</summary>
    public double HeadlinePx { get; }

    /// <summary>Body and button text size at the placement's real size, in CSS pixels.</summary>
    public double SmallPx { get; }

    public bool ShowsBody => !IsBanner && Limit is not { Body: 0 };

    public static AdLayout For(int width, int height, CopyLimit? limit) => new(Math.Max(width, 1), Math.Max(height, 1), limit);

    /// <summary>The box: as wide as the column allows but never wider than the real placement, with its aspect ratio.</summary>
    public string BoxStyle => Css($"max-width:{Width}px;aspect-ratio:{Width}/{Height}");

    public string HeadlineStyle => Css($"font-size:{Cqw(HeadlinePx)}cqw");

    public string SmallStyle => Css($"font-size:{Cqw(SmallPx)}cqw");

    public string PaddingStyle => IsBanner
        ? Css($"padding:{Cqw(Height * 0.12)}cqw {Cqw(Width * 0.03)}cqw")
        : Css($"padding:{Cqw(Width * 0.04)}cqw");

    public string Headline(string text) => Cut(text, Limit?.Headline);

    public string Body(string text) => Cut(text, Limit?.Body);

    /// <summary>Text cut at <paramref name="max"/> characters with an ellipsis in the last place (none when no limit is set).</summary>
    public static string Cut(string text, int? max) =>
        max is { } limit && text.Length > limit ? (limit <= 1 ? "…" : string.Concat(text.AsSpan(0, limit - 1).TrimEnd(), "…")) : text;

    private string Cqw(double px) => (px / Width * 100).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Css(FormattableString style) => style.ToString(CultureInfo.InvariantCulture);
}
