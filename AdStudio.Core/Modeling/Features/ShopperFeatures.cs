namespace AdStudio.Core.Modeling.Features;

/// <summary>
/// What a model knows about a shopper at a moment. Training derives it by replaying history up to each impression;
/// serving reads it from the shopper's profile, so both describe the shopper the same way.
/// </summary>
/// <param name="Interests">Time-decayed interest shares, aligned with the category list they were built for; all zero without history.</param>
/// <param name="HourSin">Mean sine of the events' UTC hour angle.</param>
/// <param name="HourCos">Mean cosine of the events' UTC hour angle.</param>
/// <param name="PriceIndex">Mean of purchase price ÷ the category's mean price, minus 1 (negative buys cheap); 0 without purchases.</param>
public sealed record ShopperFeatures(double[] Interests, int EventCount, int PurchaseCount, DateTime? LastVisitAt, double HourSin, double HourCos, double PriceIndex)
{
    /// <summary>A shopper without behaviour on record (a new visitor, or one who did not consent to tracking).</summary>
    public static ShopperFeatures Unknown(int categories) => new(new double[categories], 0, 0, null, 0, 0, 0);

    /// <summary>The shopper as their stored profile describes them, with interests in <paramref name="categories"/> order.</summary>
    public static ShopperFeatures FromProfile(Profiling.ShopperProfile profile, IReadOnlyList<string> categories)
    {
        var shares = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double>>(profile.InterestsJson) ?? [];
        var byName = new Dictionary<string, double>(shares, StringComparer.OrdinalIgnoreCase);
        return new ShopperFeatures(
            [.. categories.Select(c => byName.GetValueOrDefault(c))], profile.EventCount, profile.PurchaseCount, profile.LastVisitAt,
            profile.HourSin, profile.HourCos, -(profile.PriceSensitivity ?? 0));
    }

    /// <summary>
    /// How typical <paramref name="hour"/> is for the shopper: the cosine to their mean active hour scaled by how
    /// concentrated their hours are (0 without history or with evenly spread hours).
    /// </summary>
    public double HourAffinity(int hour)
    {
        var angle = 2 * Math.PI * hour / 24;
        return (HourSin * Math.Sin(angle)) + (HourCos * Math.Cos(angle));
    }
}
