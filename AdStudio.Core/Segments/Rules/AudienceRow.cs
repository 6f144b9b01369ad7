namespace AdStudio.Core.Segments.Rules;

/// <summary>One consenting shopper as segment rules see them: attributes and profile features.</summary>
public sealed class AudienceRow
{
    public required string ShopperId { get; init; }

    public string? Region { get; init; }

    public string? Gender { get; init; }

    public string? AgeBand { get; init; }

    public double? DaysSinceLastVisit { get; init; }

    public double? DaysSinceLastPurchase { get; init; }

    public double Visits7d { get; init; }

    public double Visits30d { get; init; }

    public double Purchases7d { get; init; }

    public double Purchases30d { get; init; }

    public double Spend30d { get; init; }

    public double Spend90d { get; init; }

    public double AverageDwellSeconds { get; init; }

    public double? PriceSensitivity { get; init; }

    public string PreferredDaypart { get; init; } = "";

    /// <summary>Interest per category, indexed by the audience's category list.</summary>
    public required float[] Interests { get; init; }

    public required string[] TopCategories { get; init; }
}
