namespace AdStudio.Core.Privacy;

/// <summary>
/// An erased shopper whose later events and imports are dropped until they give consent again. Holds a keyed hash
/// (<see cref="ShopperPseudonyms.SuppressionKey"/>), never the id.
/// </summary>
public sealed class SuppressedShopper
{
    public required string KeyHash { get; set; }

    public DateTime SuppressedAt { get; set; }
}
