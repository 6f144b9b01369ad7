using System.Globalization;

namespace AdStudio.Web.Components.Common;

/// <summary>
/// Reads and writes the filter values pages keep in their address, so a reload or a shared link shows the same view.
/// Query values come from outside: anything that does not parse is ignored (the page falls back to its default), never thrown.
/// </summary>
public static class QueryValues
{
    /// <summary>The day format of dates in addresses, e.g. <c>2026-11-30</c>.</summary>
    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>Longest free text kept from an address; a longer one is ignored rather than cut.</summary>
    public const int MaxTextLength = 200;

    /// <summary>A calendar day (UTC, time zero) or null when absent or not an exact <c>yyyy-MM-dd</c> day.</summary>
    public static DateTime? Day(string? value) =>
        DateTime.TryParseExact(value, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? DateTime.SpecifyKind(day, DateTimeKind.Utc)
            : null;

    /// <summary>A positive database id, or null when absent, not a whole number or not positive.</summary>
    public static int? Id(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>Trimmed text, or null when absent, blank or longer than <see cref="MaxTextLength"/>.</summary>
    public static string? Text(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxTextLength ? null : trimmed;
    }

    /// <summary>The address form of a day, or null (which removes the parameter) for no day.</summary>
    public static string? Format(DateTime? day) => day?.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>The address form of text: null (which removes the parameter) when blank.</summary>
    public static string? Format(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
