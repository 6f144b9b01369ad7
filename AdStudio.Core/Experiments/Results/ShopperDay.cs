namespace AdStudio.Core.Experiments.Results;

/// <summary>One shopper's ad outcomes in one arm on one day.</summary>
public sealed record ShopperDay(string ShopperId, int VariantId, DateOnly Day, long Impressions, long Clicks, long Conversions, double Cost, double Revenue);
