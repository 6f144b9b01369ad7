namespace AdStudio.Core.Profiling;

/// <summary>Features of one shopper derived from their behaviour; rebuilt by the profiling step.</summary>
public sealed class ShopperProfile
{
    public required string ShopperId { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? LastVisitAt { get; set; }

    public DateTime? LastPurchaseAt { get; set; }

    public int Visits30d { get; set; }

    public int Purchases30d { get; set; }

    public double Spend90d { get; set; }

    public double AverageDwellSeconds { get; set; }

    /// <summary>Normalised category interest, as JSON object category → weight.</summary>
    public string InterestsJson { get; set; } = "{}";

    /// <summary>Up to three top interest categories, comma separated.</summary>
    public string TopCategories { get; set; } = "";
}
