using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Profiling;

/// <summary>
/// Computes a shopper's features from their behaviour events as of a moment. Pure: no database, no clock.
/// <list type="bullet">
/// <item>A <b>visit</b> starts with an event more than 30 minutes after the previous one.</item>
/// <item><b>Recency</b>: the last visit's and the last purchase's time (days since are taken at evaluation).</item>
/// <item><b>Frequency</b>: visits and purchases that started within the last 7 and 30 days.</item>
/// <item><b>Monetary</b>: purchase amounts within the last 30 and 90 days.</item>
/// <item>Every amount counts at most <see cref="ValueBounds.MaxMoney"/>, every dwell at most <see cref="ValueBounds.MaxDwellSeconds"/>
/// and every price ratio at most <see cref="ValueBounds.MaxPriceRatio"/>; missing, negative or NaN values count 0. So every value
/// is finite whatever was stored (<see cref="IsFinite"/> checks it).</item>
/// <item><b>Interest</b> in category c: Σ w(type) · 2^(−age days ÷ 14) over events in c, w = view 1, search 0.5,
/// add-to-cart 3, purchase 5; divided by the sum over categories so the vector sums to 1.</item>
/// <item><b>Top categories</b>: the three highest interests (ties by name).</item>
/// <item><b>Average dwell</b>: mean dwell seconds of views that report it; 0 when none do.</item>
/// <item><b>Price sensitivity</b>: 1 − mean(price ÷ the category's mean purchase price); null without purchases.</item>
/// <item><b>Preferred daypart</b>: the daypart (night 0–6, morning 6–12, afternoon 12–18, evening 18–24, shop time)
/// with the most events; ties go to the later daypart.</item>
/// </list>
/// </summary>
public static class ProfileCalculator
{
    public const double InterestHalfLifeDays = 14;
    public static readonly TimeSpan VisitGap = TimeSpan.FromMinutes(30);
    private static readonly string[] Dayparts = ["night", "morning", "afternoon", "evening"];

    /// <param name="events">The shopper's events, oldest first.</param>
    /// <param name="categoryMeanPrice">Mean purchase price per category across all shoppers.</param>
    public static ProfileValues Compute(IReadOnlyList<BehaviourEvent> events, DateTime asOf, IReadOnlyDictionary<string, double> categoryMeanPrice, TimeZoneInfo timeZone)
    {
        DateTime? lastVisit = null, lastPurchase = null, previous = null;
        int visits7 = 0, visits30 = 0, purchases7 = 0, purchases30 = 0, dwellCount = 0;
        double spend30 = 0, spend90 = 0, dwellSum = 0;
        var interest = new Dictionary<string, double>(StringComparer.Ordinal);
        var dayparts = new int[4];
        var priceRatios = new List<double>();
        double hourSin = 0, hourCos = 0;
        var purchases = 0;
        foreach (var e in events)
        {
            var angle = 2 * Math.PI * e.OccurredAt.Hour / 24;
            hourSin += Math.Sin(angle);
            hourCos += Math.Cos(angle);
            var age = asOf - e.OccurredAt;
            if (previous is null || e.OccurredAt - previous.Value > VisitGap)
            {
                lastVisit = e.OccurredAt;
                visits7 += age <= TimeSpan.FromDays(7) ? 1 : 0;
                visits30 += age <= TimeSpan.FromDays(30) ? 1 : 0;
            }

            previous = e.OccurredAt;
            dayparts[TimeZoneInfo.ConvertTimeFromUtc(e.OccurredAt, timeZone).Hour / 6]++;
            if (e.Type == BehaviourEventType.Purchase)
            {
                lastPurchase = e.OccurredAt;
                purchases++;
                purchases7 += age <= TimeSpan.FromDays(7) ? 1 : 0;
                purchases30 += age <= TimeSpan.FromDays(30) ? 1 : 0;
                var amount = ValueBounds.Money(e.Amount);
                spend30 += age <= TimeSpan.FromDays(30) ? amount : 0;
                spend90 += age <= TimeSpan.FromDays(90) ? amount : 0;
                if (e.Category is { } c && amount > 0 && categoryMeanPrice.TryGetValue(c, out var mean) && mean > 0 && double.IsFinite(mean))
                {
                    priceRatios.Add(ValueBounds.PriceRatio(amount / mean));
                }
            }

            if (e.Type == BehaviourEventType.View && e.DwellSeconds is { } dwell)
            {
                dwellSum += ValueBounds.Dwell(dwell);
                dwellCount++;
            }

            if (!string.IsNullOrEmpty(e.Category))
            {
                var decay = Math.Pow(2, -Math.Max(0, age.TotalDays) / InterestHalfLifeDays);
                interest[e.Category] = interest.GetValueOrDefault(e.Category) + (Weight(e.Type) * decay);
            }
        }

        var total = interest.Values.Sum();
        var normalised = total > 0
            ? interest.ToDictionary(kv => kv.Key, kv => kv.Value / total, StringComparer.Ordinal)
            : new Dictionary<string, double>(StringComparer.Ordinal);
        var top = normalised.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(3).Select(kv => kv.Key).ToList();
        var daypart = events.Count == 0 ? "" : Dayparts[Array.LastIndexOf(dayparts, dayparts.Max())];
        return new ProfileValues(
            lastVisit, lastPurchase, visits7, visits30, purchases7, purchases30, spend30, spend90,
            dwellCount > 0 ? dwellSum / dwellCount : 0,
            priceRatios.Count > 0 ? 1 - priceRatios.Average() : null,
            daypart, normalised, top)
        {
            EventCount = events.Count,
            PurchaseCount = purchases,
            HourSin = events.Count > 0 ? hourSin / events.Count : 0,
            HourCos = events.Count > 0 ? hourCos / events.Count : 0,
        };
    }

    /// <summary>Whether every number of <paramref name="values"/> is finite (a profile is stored only then).</summary>
    public static bool IsFinite(ProfileValues values) =>
        double.IsFinite(values.Spend30d) && double.IsFinite(values.Spend90d) && double.IsFinite(values.AverageDwellSeconds)
        && (values.PriceSensitivity is not { } p || double.IsFinite(p))
        && double.IsFinite(values.HourSin) && double.IsFinite(values.HourCos)
        && values.Interests.Values.All(double.IsFinite);

    public static double Weight(BehaviourEventType type) => type switch
    {
        BehaviourEventType.View => 1,
        BehaviourEventType.Search => 0.5,
        BehaviourEventType.AddToCart => 3,
        BehaviourEventType.Purchase => 5,
        _ => 0,
    };
}
