using AdStudio.Web.Components.Common;

namespace AdStudio.Web.Features.Dashboard;

/// <summary>
/// The dashboard's period and campaign as its address keeps them (<c>?from=2026-11-01&amp;to=2026-11-30&amp;campaign=3</c>),
/// so a reload or a shared link shows the same numbers. Values that do not make sense fall back to the defaults.
/// </summary>
public sealed record DashboardFilter(DateTime Start, DateTime End, int? CampaignId)
{
    /// <summary>The default period: the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    /// <summary>Longest period an address may ask for; a longer one is taken for a typo and ignored.</summary>
    public const int MaxDays = 3 * 366;

    /// <summary>The last <see cref="DefaultDays"/> days up to <paramref name="today"/>, all campaigns.</summary>
    public static DashboardFilter Default(DateTime today) => new(today.Date.AddDays(-(DefaultDays - 1)), today.Date, null);

    /// <summary>
    /// Reads the query values. The period is taken only when both days parse, the start is not after the end and it is
    /// at most <see cref="MaxDays"/> long; otherwise it is the default. A campaign that is not a positive id is ignored.
    /// </summary>
    public static DashboardFilter FromQuery(string? from, string? to, string? campaign, DateTime today)
    {
        var fallback = Default(today);
        var (start, end) = QueryValues.Day(from) is { } fromDay && QueryValues.Day(to) is { } toDay && fromDay <= toDay && (toDay - fromDay).TotalDays < MaxDays
            ? (fromDay, toDay)
            : (fallback.Start, fallback.End);
        return new DashboardFilter(start, end, QueryValues.Id(campaign));
    }

    /// <summary>The query parameters that reproduce this filter; "campaign" is left out for all campaigns.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["from"] = QueryValues.Format(Start),
        ["to"] = QueryValues.Format(End),
        ["campaign"] = CampaignId,
    };
}
