namespace AdStudio.Core.Serving;

/// <summary>
/// The hours-of-week grid: 168 characters, '1' where the campaign may serve, Monday 00:00 first, in shop
/// time. Empty means every hour.
/// </summary>
public static class Dayparting
{
    public const int HoursPerWeek = 168;

    /// <summary>Null (every hour) for an empty grid; throws for a malformed one.</summary>
    public static bool[]? Parse(string? grid)
    {
        if (string.IsNullOrEmpty(grid))
        {
            return null;
        }

        if (!IsValid(grid))
        {
            throw new FormatException("A dayparting grid has 168 characters, each '0' or '1'.");
        }

        return [.. grid.Select(c => c == '1')];
    }

    public static bool IsValid(string? grid) =>
        string.IsNullOrEmpty(grid) || (grid.Length == HoursPerWeek && grid.All(c => c is '0' or '1'));

    public static string Format(bool[] hours) => hours.All(h => h) ? "" : new string([.. hours.Select(h => h ? '1' : '0')]);

    /// <summary>A grid that serves the given hours of every day (for example 8–22).</summary>
    public static string Daily(int fromHour, int toHour) =>
        new([.. Enumerable.Range(0, HoursPerWeek).Select(h => h % 24 >= fromHour && h % 24 < toHour ? '1' : '0')]);
}
