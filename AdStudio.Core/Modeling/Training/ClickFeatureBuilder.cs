namespace AdStudio.Core.Modeling.Training;

/// <summary>
/// Builds click-model rows by replaying behaviour, impressions and clicks in time order, so every feature of an
/// impression uses only what happened before it: the shopper's decayed interests and history, the creative
/// (category, discount, copy length), the context (hour, weekday, placement) and crosses (interest in the ad's
/// category, cosine similarity of interests with the ad's category, the creative's smoothed CTR from clicks
/// that had already happened).
/// </summary>
public sealed class ClickFeatureBuilder(IReadOnlyList<string> categories, IReadOnlyList<string> placements)
{
    public const double PriorStrength = 200;
    private const double DefaultCtr = 0.01;

    public IReadOnlyList<string> FeatureNames { get; } =
    [
        "hour_sin", "hour_cos", "weekday", .. placements.Select(p => "placement_" + p), .. categories.Select(c => "ad_category_" + c),
        "discount", "headline_length", "interest_in_ad_category", "interest_cosine", "log_events", "log_purchases",
        "days_since_last_event", "creative_prior_ctr", "hour_affinity", "price_index", "discount_x_bargain",
        .. categories.Select(c => "interest_" + c),
    ];

    public List<ClickRow> Build(IReadOnlyList<TimelineEvent> events, IReadOnlyList<TimelineImpression> impressions, IReadOnlyDictionary<int, CreativeFacts> creatives)
    {
        var categoryIndex = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.OrdinalIgnoreCase);
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
                state.Add(ev, ev.Category is not null && categoryIndex.TryGetValue(ev.Category, out var ci) ? ci : -1);
                if (ev.Type == Events.BehaviourEventType.Purchase && ev.Category is not null && ev.Amount is > 0)
                {
                    // Compare with the category's mean price so far, then let this purchase join it.
                    var (sum, count) = priceSums.GetValueOrDefault(ev.Category);
                    if (count > 0)
                    {
                        state.AddPriceRatio(ev.Amount.Value / (sum / count));
                    }

                    priceSums[ev.Category] = (sum + ev.Amount.Value, count + 1);
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
            var priorCtr = (creativeClicks.GetValueOrDefault(creative.Id) + (PriorStrength * global)) / (creativeImpressions.GetValueOrDefault(creative.Id) + PriorStrength);
            rows.Add(new ClickRow(impression.At, impression.ShopperId, creative.Id, impression.At.Hour,
                Features(State(shoppers, impression.ShopperId), impression, creative, categoryIndex, priorCtr), impression.ClickedAt is not null));
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

    private float[] Features(ShopperState shopper, TimelineImpression impression, CreativeFacts creative, Dictionary<string, int> categoryIndex, double priorCtr)
    {
        var f = new float[FeatureNames.Count];
        var k = 0;
        var angle = 2 * Math.PI * impression.At.Hour / 24;
        f[k++] = (float)Math.Sin(angle);
        f[k++] = (float)Math.Cos(angle);
        f[k++] = ((int)impression.At.DayOfWeek + 6) % 7 / 6f;
        foreach (var p in placements)
        {
            f[k++] = p == impression.Placement ? 1 : 0;
        }

        var adCategory = categoryIndex.TryGetValue(creative.Category, out var ci) ? ci : -1;
        for (var i = 0; i < categories.Count; i++)
        {
            f[k++] = i == adCategory ? 1 : 0;
        }

        var interests = shopper.InterestAt(impression.At);
        var norm = Math.Sqrt(interests.Sum(x => x * x));
        f[k++] = (float)creative.Discount;
        f[k++] = creative.HeadlineLength / 60f;
        f[k++] = adCategory >= 0 ? (float)interests[adCategory] : 0;
        f[k++] = adCategory >= 0 && norm > 0 ? (float)(interests[adCategory] / norm) : 0;
        f[k++] = (float)Math.Log(1 + shopper.Events);
        f[k++] = (float)Math.Log(1 + shopper.Purchases);
        f[k++] = shopper.LastEventAt is { } last ? (float)Math.Min(90, (impression.At - last).TotalDays) / 90f : 1;
        f[k++] = (float)priorCtr;
        f[k++] = (float)shopper.HourAffinity(impression.At.Hour);
        f[k++] = (float)shopper.PriceIndex;
        f[k++] = (float)(creative.Discount * -shopper.PriceIndex);
        foreach (var share in interests)
        {
            f[k++] = (float)share;
        }

        return f;
    }
}
