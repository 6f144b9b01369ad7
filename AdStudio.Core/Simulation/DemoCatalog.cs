using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Simulation;

/// <summary>The demo shop's segments and campaigns. Appeal is part of the simulator's ground truth.</summary>
public static class DemoCatalog
{
    public static IReadOnlyList<DemoSegment> Segments { get; } =
    [
        new("Young adults", "Shoppers aged 18–34.",
            """{"all":[{"field":"ageBand","op":"in","values":["18-24","25-34"]}]}""",
            s => s.AgeBand is "18-24" or "25-34"),
        new("North & East", "Shoppers in the north and east regions.",
            """{"all":[{"field":"region","op":"in","values":["north","east"]}]}""",
            s => s.Region is "north" or "east"),
        new("Over 45", "Shoppers aged 45 and over.",
            """{"all":[{"field":"ageBand","op":"in","values":["45-54","55+"]}]}""",
            s => s.AgeBand is "45-54" or "55+"),
    ];

    public static IReadOnlyList<DemoCampaign> Campaigns { get; } =
    [
        new("Spring Electronics Sale", "electronics", BidType.Cpc, 1.20, 12,
        [
            new("electronics-a-300x250.png", 300, 250, "Up to 30% off headphones", 0.30, 0.15),
            new("electronics-b-300x250.png", 300, 250, "New laptops, free delivery", 0.0, -0.10),
            new("electronics-728x90.png", 728, 90, "Spring tech deals are here", 0.20, 0.0),
        ], RunsExperiment: true),
        new("New Season Fashion", "fashion", BidType.Cpm, 8.0, 8,
        [
            new("fashion-300x250.png", 300, 250, "The new season has landed", 0.0, 0.10),
            new("fashion-320x50.png", 320, 50, "New season styles", 0.0, 0.0),
        ], IncludeSegment: "Young adults"),
        new("Beauty Essentials", "beauty", BidType.Cpc, 0.45, 6,
        [
            new("beauty-300x250.png", 300, 250, "Glow for less: 2 for 1", 0.25, 0.05),
            new("beauty-320x50.png", 320, 50, "Beauty 2 for 1", 0.25, 0.0),
        ]),
        new("Home Makeover", "home", BidType.Cpa, 14.0, 10,
        [
            new("home-300x250.png", 300, 250, "Refresh your home", 0.10, 0.0),
            new("home-728x90.png", 728, 90, "Home makeover week", 0.10, -0.05),
        ]),
        new("Run Further", "sports", BidType.Cpc, 0.70, 6,
        [
            new("sports-300x250.png", 300, 250, "Run further in new shoes", 0.0, 0.20),
        ]),
        new("Weekly Grocery Deals", "grocery", BidType.Cpm, 5.0, 5,
        [
            new("grocery-300x250.png", 300, 250, "This week's pantry deals", 0.15, 0.0),
            new("grocery-320x50.png", 320, 50, "Pantry deals", 0.15, -0.05),
        ], IncludeSegment: "North & East"),
        new("Toy Box Favourites", "toys", BidType.Cpc, 0.60, 5,
        [
            new("toys-300x250.png", 300, 250, "Toys they will love", 0.0, 0.05),
            new("toys-728x90.png", 728, 90, "Toy box favourites", 0.0, 0.0),
        ]),
        new("Bestselling Books", "books", BidType.Cpm, 4.0, 4,
        [
            new("books-300x250.png", 300, 250, "This month's bestsellers", 0.0, 0.10),
        ], ExcludeSegment: "Young adults"),
        new("Gadget Accessories", "electronics", BidType.Cpa, 20.0, 10,
        [
            new("gadgets-300x250.png", 300, 250, "Chargers and cases from 9.99", 0.20, -0.05),
            new("gadgets-320x50.png", 320, 50, "Gadget accessories", 0.20, 0.0),
        ]),
        new("Outdoor Gear Clearance", "sports", BidType.Cpa, 8.0, 8,
        [
            new("outdoor-300x250.png", 300, 250, "Outdoor gear: 40% off", 0.40, 0.0),
            new("outdoor-728x90.png", 728, 90, "Clearance on outdoor gear", 0.40, -0.05),
        ]),
        new("Smart Home", "home", BidType.Cpc, 0.90, 6,
        [
            new("smarthome-300x250.png", 300, 250, "Make your home smart", 0.0, -0.05),
        ], IncludeSegment: "Over 45"),
        new("Style for Less", "fashion", BidType.Cpc, 0.60, 6,
        [
            new("style-300x250.png", 300, 250, "Style for less: up to 50% off", 0.50, 0.0),
            new("style-728x90.png", 728, 90, "Style for less", 0.50, -0.05),
        ]),
    ];
}
