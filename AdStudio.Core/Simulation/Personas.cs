namespace AdStudio.Core.Simulation;

/// <summary>The documented personas of the demo world (see docs/simulator.md). Interest order follows <see cref="Catalog.Categories"/>.</summary>
public static class Personas
{
    //                                              electronics fashion home sports beauty grocery toys books
    public static IReadOnlyList<Persona> All { get; } =
    [
        new("Tech enthusiast", 0.18, [8, 0.6, 1, 1.2, 0.3, 0.6, 0.5, 2], 0.30, 21, 0.11, ["18-24", "25-34", "35-44"], 0.30),
        new("Fashion lover", 0.20, [0.6, 8, 1, 0.8, 4, 0.6, 0.4, 0.6], 0.50, 13, 0.14, ["18-24", "25-34"], 0.75),
        new("Bargain hunter", 0.22, [1, 2, 3, 1, 1, 4, 2, 0.6], 0.90, 19, 0.15, ["25-34", "35-44", "45-54"], 0.55),
        new("Home & family", 0.16, [0.8, 1, 6, 0.8, 1, 3, 5, 1], 0.60, 10, 0.10, ["35-44", "45-54"], 0.60),
        new("Active outdoors", 0.14, [1, 2, 1, 8, 0.5, 1.5, 0.4, 0.6], 0.40, 7, 0.10, ["18-24", "25-34", "35-44"], 0.45),
        new("Book lover", 0.10, [1.5, 0.6, 2, 0.5, 0.6, 1, 0.8, 8], 0.50, 22, 0.08, ["45-54", "55+"], 0.55),
    ];

    public static IReadOnlyList<string> Regions { get; } = ["north", "south", "east", "west", "central"];
}
