using System.Collections.Frozen;
using AdStudio.Core.Modeling.Features;

namespace AdStudio.Core.Modeling.Scoring;

/// <summary>
/// The active click and conversion models and the shoppers' model features, as one immutable part of the serving
/// snapshot; a new one replaces it whole, so a request scores with one consistent pair of models.
/// </summary>
public sealed class ServingModels(ModelScorer? ctr, ModelScorer? cvr, string[] categories, FrozenDictionary<string, ShopperFeatures> shoppers)
{
    public static ServingModels None { get; } = new(null, null, [], FrozenDictionary<string, ShopperFeatures>.Empty);

    public ModelScorer? Ctr { get; } = ctr;

    public ModelScorer? Cvr { get; } = cvr;

    /// <summary>The category order of every <see cref="ShopperFeatures.Interests"/> held here.</summary>
    public string[] Categories { get; } = categories;

    private readonly ShopperFeatures _unknown = ShopperFeatures.Unknown(categories.Length);

    public int Shoppers => shoppers.Count;

    /// <summary>The shopper's features from their profile; a shopper without one is scored as a new visitor.</summary>
    public ShopperFeatures FeaturesOf(string shopperId) => shoppers.GetValueOrDefault(shopperId) ?? _unknown;

    /// <summary>The same models without <paramref name="shopperId"/>'s features (an erasure), and how many were dropped (0 or 1).</summary>
    public (ServingModels Models, int Removed) Without(string shopperId) =>
        shoppers.ContainsKey(shopperId)
            ? (new ServingModels(Ctr, Cvr, Categories, shoppers.Where(p => !string.Equals(p.Key, shopperId, StringComparison.Ordinal)).ToFrozenDictionary(StringComparer.Ordinal)), 1)
            : (this, 0);
}
