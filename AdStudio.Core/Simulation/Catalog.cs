namespace AdStudio.Core.Simulation;

/// <summary>The simulated shop's product categories with their typical price and search terms.</summary>
public static class Catalog
{
    public static IReadOnlyList<string> Categories { get; } =
        ["electronics", "fashion", "home", "sports", "beauty", "grocery", "toys", "books"];

    /// <summary>Typical item price per category, in the shop's currency.</summary>
    public static IReadOnlyList<double> BasePrices { get; } = [180, 55, 70, 60, 30, 25, 35, 18];

    public static IReadOnlyList<string[]> SearchTerms { get; } =
    [
        ["headphones", "laptop", "usb-c charger", "smart watch"],
        ["summer dress", "sneakers", "denim jacket", "scarf"],
        ["bed linen", "desk lamp", "storage boxes", "cookware"],
        ["running shoes", "yoga mat", "tent", "cycling gloves"],
        ["face cream", "lipstick", "shampoo", "perfume"],
        ["coffee beans", "olive oil", "snacks", "tea"],
        ["lego", "puzzle", "plush bear", "board game"],
        ["crime novel", "cookbook", "kids book", "biography"],
    ];

    public static int IndexOf(string category)
    {
        for (var i = 0; i < Categories.Count; i++)
        {
            if (Categories[i] == category)
            {
                return i;
            }
        }

        throw new ArgumentException($"Unknown category '{category}'.", nameof(category));
    }
}
