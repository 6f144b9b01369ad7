namespace AdStudio.Core.Serving;

/// <summary>What ad copy may be personalised with: the shopper's region and strongest interest.</summary>
public sealed record ShopperTraits(string? Region, string? TopCategory)
{
    public static ShopperTraits Unknown { get; } = new(null, null);
}
