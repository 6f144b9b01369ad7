namespace AdStudio.Core.Experiments.Results;

/// <summary>A shopper's outcomes summed over the experiment so far.</summary>
internal sealed class ShopperTotals(int variantId)
{
    public int VariantId { get; } = variantId;

    public long Impressions { get; set; }

    public long Clicks { get; set; }

    public long Conversions { get; set; }

    public double Cost { get; set; }

    public double Revenue { get; set; }

    public void Add(ShopperDay day)
    {
        Impressions += day.Impressions;
        Clicks += day.Clicks;
        Conversions += day.Conversions;
        Cost += day.Cost;
        Revenue += day.Revenue;
    }
}
