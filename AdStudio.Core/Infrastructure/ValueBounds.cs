namespace AdStudio.Core.Infrastructure;

/// <summary>
/// Numeric guards inside the pipeline. The edge refuses absurd numbers, but data can also arrive by import, by
/// an older version or straight into the database; whatever is stored, profiles, rollups and model features are
/// computed from values clamped here, so every sum, mean and log stays finite. The bounds sit far above any
/// real shop's figures, so they never change a real result.
/// </summary>
public static class ValueBounds
{
    /// <summary>The largest purchase amount, revenue or cost one event contributes (currency units).</summary>
    public const double MaxMoney = 1e12;

    /// <summary>The longest dwell one view contributes, in seconds (about 11.6 days).</summary>
    public const double MaxDwellSeconds = 1e6;

    /// <summary>The largest ratio of a purchase price to its category's mean price that profiles and features use.</summary>
    public const double MaxPriceRatio = 100;

    /// <summary>An amount, revenue or cost as the pipeline uses it: 0 when missing, negative or NaN; at most <see cref="MaxMoney"/>.</summary>
    public static double Money(double? value) => Clamp(value, MaxMoney);

    /// <summary>A dwell time as the pipeline uses it: 0 when missing, negative or NaN; at most <see cref="MaxDwellSeconds"/>.</summary>
    public static double Dwell(double? value) => Clamp(value, MaxDwellSeconds);

    /// <summary>A price ratio as the pipeline uses it: 0 when not positive or NaN; at most <see cref="MaxPriceRatio"/>.</summary>
    public static double PriceRatio(double value) => Clamp(value, MaxPriceRatio);

    /// <summary><paramref name="value"/> when finite, else <paramref name="fallback"/>.</summary>
    public static double Finite(double value, double fallback = 0) => double.IsFinite(value) ? value : fallback;

    // NaN fails "> 0", so it becomes 0; +∞ becomes the bound.
    private static double Clamp(double? value, double max) => value is > 0 and { } positive ? Math.Min(positive, max) : 0;
}
