namespace AdStudio.Core.Profiling;

/// <summary>
/// Features of one consenting shopper derived from their behaviour, as of <see cref="UpdatedAt"/>
/// (formulas in <see cref="ProfileCalculator"/> and docs/profiling.md).
/// </summary>
public sealed class ShopperProfile
{
    public required string ShopperId { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? LastVisitAt { get; set; }

    public DateTime? LastPurchaseAt { get; set; }

    public int Visits7d { get; set; }

    public int Visits30d { get; set; }

    public int Purchases7d { get; set; }

    public int Purchases30d { get; set; }

    public double Spend30d { get; set; }

    public double Spend90d { get; set; }

    public double AverageDwellSeconds { get; set; }

    /// <summary>1 − mean(price ÷ category mean price) over purchases; positive buys cheaper than typical. Null without purchases.</summary>
    public double? PriceSensitivity { get; set; }

    /// <summary>night, morning, afternoon or evening (shop time); empty without events.</summary>
    public string PreferredDaypart { get; set; } = "";

    /// <summary>Normalised, time-decayed interest per category as JSON: {"books":0.42,…}.</summary>
    public string InterestsJson { get; set; } = "{}";

    /// <summary>All behaviour events on record; with the next three fields, what click models read.</summary>
    public int EventCount { get; set; }

    public int PurchaseCount { get; set; }

    /// <summary>Mean sine of the events' UTC hour angle (2π·hour/24).</summary>
    public double HourSin { get; set; }

    /// <summary>Mean cosine of the events' UTC hour angle.</summary>
    public double HourCos { get; set; }

    /// <summary>Up to three categories of highest interest, strongest first, comma separated.</summary>
    public string TopCategories { get; set; } = "";
}
