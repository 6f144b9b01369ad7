namespace AdStudio.Core.Profiling;

/// <summary>A shopper's computed features, before they are stored.</summary>
public sealed record ProfileValues(
    DateTime? LastVisitAt,
    DateTime? LastPurchaseAt,
    int Visits7d,
    int Visits30d,
    int Purchases7d,
    int Purchases30d,
    double Spend30d,
    double Spend90d,
    double AverageDwellSeconds,
    double? PriceSensitivity,
    string PreferredDaypart,
    IReadOnlyDictionary<string, double> Interests,
    IReadOnlyList<string> TopCategories)
{
    /// <summary>All behaviour events and purchases on record (model features, not windowed).</summary>
    public int EventCount { get; init; }

    public int PurchaseCount { get; init; }

    /// <summary>Mean sine and cosine of the events' UTC hour angle: the direction and concentration of the shopper's active hours.</summary>
    public double HourSin { get; init; }

    public double HourCos { get; init; }
}
