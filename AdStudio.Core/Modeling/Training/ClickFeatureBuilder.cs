using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling.Features;

namespace AdStudio.Core.Modeling.Training;

/// <summary>
/// Builds click-model rows by replaying behaviour, impressions and clicks in time order, so every feature of an
/// impression uses only what happened before it: the shopper as their profile would have described them then,
/// the creative, the context, and the creative's smoothed CTR from clicks that had already happened (smoothed
/// exactly as serving smooths it). An impression of a shopper who does not allow personalisation keeps only its
/// creative and context part: the shopper part is that of an unknown visitor. The vector itself is written by <see cref="FeatureLayout"/>, shared with serving.
/// </summary>
public sealed class ClickFeatureBuilder(IReadOnlyList<string> categories, IReadOnlyList<string> placements, double priorStrength = 200)
{
    private const double DefaultCtr = 0.01;

    public FeatureLayout Layout { get; } = new([.. categories], [.. placements]);

    public IReadOnlyList<string> FeatureNames => Layout.FeatureNames;

    public List<ClickRow> Build(IReadOnlyList<TimelineEvent> events, IReadOnlyList<TimelineImpression> impressions, IReadOnlyDictionary<int, CreativeFacts> creatives)
    {
        var shoppers = new Dictionary<string, ShopperState>(StringComparer.Ordinal);
        var creativeImpressions = new Dictionary<int, long>();
        var creativeClicks = new Dictionary<int, long>();
        long allImpressions = 0, allClicks = 0;
        var clicks = impressions.Where(i => i.ClickedAt is not null).OrderBy(i => i.ClickedAt).ToList();
        var priceSums = new Dictionary<string, (double Sum, int Count)>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<ClickRow>(impressions.Count);
        int e = 0, c = 0;
        foreach (var impression in impressions.OrderBy(i => i.At))
        {
            for (; e < events.Count && events[e].At < impression.At; e++)
            {
                var ev = events[e];
                var state = State(shoppers, ev.ShopperId);
                state.Add(ev, ev.Category is null ? -1 : Layout.CategoryIndex(ev.Category));
                var amount = ValueBounds.Money(ev.Amount);
                if (ev.Type == Events.BehaviourEventType.Purchase && ev.Category is not null && amount > 0)
                {
                    // Compare with the category's mean price so far, then let this purchase join it (amounts clamped as profiles clamp them).
                    var (sum, count) = priceSums.GetValueOrDefault(ev.Category);
                    if (count > 0)
                    {
                        state.AddPriceRatio(ValueBounds.PriceRatio(amount / (sum / count)));
                    }

                    priceSums[ev.Category] = (sum + amount, count + 1);
                }
            }

            for (; c < clicks.Count && clicks[c].ClickedAt < impression.At; c++)
            {
                creativeClicks[clicks[c].CreativeId] = creativeClicks.GetValueOrDefault(clicks[c].CreativeId) + 1;
                allClicks++;
            }

            if (!creatives.TryGetValue(impression.CreativeId, out var creative))
            {
                continue;
            }

            var global = allImpressions > 0 ? (double)allClicks / allImpressions : DefaultCtr;
            var priorCtr = RateSmoothing.SmoothedRate(creativeClicks.GetValueOrDefault(creative.Id), Math.Max(creativeImpressions.GetValueOrDefault(creative.Id), creativeClicks.GetValueOrDefault(creative.Id)), global, priorStrength);
            // A shopper without personalisation consent is described exactly as serving describes an unknown visitor.
            var shopper = impression.Personalised ? State(shoppers, impression.ShopperId).FeaturesAt(impression.At) : ShopperFeatures.Unknown(categories.Count);
            var features = new float[Layout.Width];
            Layout.Write(features, shopper, shopper.Interests, creative, Layout.CategoryIndex(creative.Category), impression.At, impression.Placement, priorCtr);
            rows.Add(new ClickRow(impression.At, impression.ShopperId, creative.Id, impression.At.Hour, features, impression.ClickedAt is not null, impression.Converted));
            creativeImpressions[creative.Id] = creativeImpressions.GetValueOrDefault(creative.Id) + 1;
            allImpressions++;
        }

        return rows;
    }

    private ShopperState State(Dictionary<string, ShopperState> shoppers, string id)
    {
        if (!shoppers.TryGetValue(id, out var state))
        {
            shoppers[id] = state = new ShopperState(categories.Count);
        }

        return state;
    }
}
