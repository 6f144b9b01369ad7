using System.Globalization;

namespace AdStudio.Web.Components.Common;

/// <summary>How a reporting period reads on a card or table caption: "last 30 days · 1 – 30 Nov 2026", "3 Oct – 2 Nov 2026".</summary>
public static class PeriodText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>
    /// The period <paramref name="from"/>–<paramref name="to"/> (inclusive days); when it ends on <paramref name="today"/>
    /// it leads with "today" or "last N days", so a reader sees at once that it includes today.
    /// </summary>
    public static string Of(DateOnly from, DateOnly to, DateOnly today)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        if (to != today)
        {
            return Range(from, to);
        }

        return days == 1
            ? "today · " + Range(from, to)
            : string.Create(Culture, $"last {days} days · {Range(from, to)}");
    }

    /// <summary>The short name of a period for a small card: "last 30 days", "today", or the dates when it does not end today.</summary>
    public static string Brief(DateOnly from, DateOnly to, DateOnly today)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        return to != today ? Range(from, to)
            : days == 1 ? "today"
            : string.Create(Culture, $"last {days} days");
    }

    /// <summary>The dates alone, sharing the month and year where they are the same: "1 – 30 Nov 2026".</summary>
    public static string Range(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return to.ToString("d MMM yyyy", Culture);
        }

        var start = from.Year != to.Year ? from.ToString("d MMM yyyy", Culture)
            : from.Month != to.Month ? from.ToString("d MMM", Culture)
            : from.ToString("%d", Culture);
        return start + " – " + to.ToString("d MMM yyyy", Culture);
    }
}
