namespace AdStudio.Core.Simulation;

/// <summary>
/// The simulator's true click and conversion probabilities for a demo impression — the best any model could predict — used to
/// show how close trained models come. Only available for demo shoppers and demo creatives.
/// </summary>
public sealed class DemoOracle
{
    private readonly Dictionary<string, SimulatedShopper> _shoppers;
    private readonly Dictionary<int, CreativeTruth> _creatives;

    private DemoOracle(Dictionary<string, SimulatedShopper> shoppers, Dictionary<int, CreativeTruth> creatives) =>
        (_shoppers, _creatives) = (shoppers, creatives);

    /// <param name="creativeImages">Each creative's id and image URL; demo creatives are recognised by their shipped image.</param>
    public static DemoOracle For(DemoOptions options, IEnumerable<(int Id, string ImageUrl)> creativeImages)
    {
        var world = WorldGenerator.Generate(options.Seed, options.Shoppers);
        var byFile = DemoCatalog.Campaigns.SelectMany(c => c.Creatives.Select(cr => (cr.File, Truth: new CreativeTruth(Catalog.IndexOf(c.Category), cr.Appeal, cr.Discount))))
            .ToDictionary(x => x.File, x => x.Truth, StringComparer.Ordinal);
        var creatives = creativeImages
            .Where(c => c.ImageUrl.StartsWith("/demo/", StringComparison.Ordinal) && byFile.ContainsKey(c.ImageUrl["/demo/".Length..]))
            .ToDictionary(c => c.Id, c => byFile[c.ImageUrl["/demo/".Length..]]);
        return new DemoOracle(world.Shoppers.ToDictionary(s => s.Id, StringComparer.Ordinal), creatives);
    }

    /// <summary>The true P(click), or null when the shopper or creative is not part of the simulated world.</summary>
    public double? ClickProbability(string shopperId, int creativeId, int hour) =>
        _shoppers.TryGetValue(shopperId, out var shopper) && _creatives.TryGetValue(creativeId, out var creative)
            ? GroundTruth.ClickProbability(shopper, creative, hour)
            : null;

    /// <summary>The true P(convert | click), or null outside the simulated world.</summary>
    public double? ConversionProbability(string shopperId, int creativeId) =>
        _shoppers.TryGetValue(shopperId, out var shopper) && _creatives.TryGetValue(creativeId, out var creative)
            ? GroundTruth.ConversionProbability(shopper, creative)
            : null;

    /// <summary>The true probability of the row's label under <paramref name="kind"/>.</summary>
    public double? Probability(Modeling.ModelKind kind, string shopperId, int creativeId, int hour) =>
        kind == Modeling.ModelKind.Cvr ? ConversionProbability(shopperId, creativeId) : ClickProbability(shopperId, creativeId, hour);
}
