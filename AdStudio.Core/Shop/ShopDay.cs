namespace AdStudio.Core.Shop;

/// <summary>One day of the shop, midnight to midnight in <c>Shop:TimeZone</c> (decision record 6), with its bounds as UTC instants.</summary>
public readonly record struct ShopDay(DateOnly Day, DateTime StartsAt, DateTime EndsAt)
{
    /// <summary>The shop day that contains the UTC instant <paramref name="utc"/>.</summary>
    public static ShopDay Containing(DateTime utc, TimeZoneInfo timeZone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, timeZone));
        return new ShopDay(day, Midnight(day, timeZone), Midnight(day.AddDays(1), timeZone));
    }

    /// <summary>Whether <paramref name="utc"/> falls on this day.</summary>
    public bool Contains(DateTime utc) => utc >= StartsAt && utc < EndsAt;

    private static DateTime Midnight(DateOnly day, TimeZoneInfo timeZone)
    {
        if (day == DateOnly.MinValue || day == DateOnly.MaxValue)
        {
            // Only the empty snapshot is built at the edge of time; its day has no neighbour to convert.
            return day == DateOnly.MinValue ? DateTime.MinValue : DateTime.MaxValue;
        }

        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day starts at the first local time that exists.
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, timeZone);
    }
}
