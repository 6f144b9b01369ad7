using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling.Training;

namespace AdStudio.Core.Modeling.Features;

/// <summary>
/// The click and conversion models' feature vector: one definition written by training and by serving, so a
/// model never sees a feature computed two ways. Stored with each model version; a model is scored with the
/// layout it was trained on.
/// </summary>
/// <param name="Categories">Product categories in vector order (one-hot of the ad's category, the shopper's interests).</param>
/// <param name="Placements">Placement names in vector order.</param>
public sealed record FeatureLayout(string[] Categories, string[] Placements)
{
    /// <summary>Bumped when the meaning of the vector changes; models of another version are not scored.</summary>
    public const int CurrentVersion = 2;

    public int Version { get; init; } = CurrentVersion;

    public string[] FeatureNames => [
        "hour_sin", "hour_cos", "weekday", .. Placements.Select(p => "placement_" + p), .. Categories.Select(c => "ad_category_" + c),
        "discount", "headline_length", "interest_in_ad_category", "interest_cosine", "log_relative_interest", "log_events", "log_purchases",
        "days_since_last_visit", "creative_prior_ctr", "hour_affinity", "price_index", "discount_x_bargain",
        .. Categories.Select(c => "interest_" + c),
    ];

    public int Width => 15 + Placements.Length + (2 * Categories.Length);

    /// <summary>
    /// Features as a person reads them: one-hot placements, the ad's category and the interest vector each form one
    /// group (shuffled together for importance); every other feature stands alone.
    /// </summary>
    public IReadOnlyList<(string Name, int[] Slots)> FeatureGroups()
    {
        var names = FeatureNames;
        var p = Placements.Length;
        var c = Categories.Length;
        var groups = new List<(string, int[])> { ("hour", [0, 1]), ("weekday", [2]), ("placement", [.. Enumerable.Range(3, p)]), ("ad_category", [.. Enumerable.Range(3 + p, c)]) };
        groups.AddRange(Enumerable.Range(3 + p + c, 12).Select(i => (names[i], new[] { i })));
        groups.Add(("interests", [.. Enumerable.Range(15 + p + c, c)]));
        return groups;
    }

    /// <summary>Index of a category in <see cref="Categories"/>, or −1.</summary>
    public int CategoryIndex(string category)
    {
        for (var i = 0; i < Categories.Length; i++)
        {
            if (string.Equals(Categories[i], category, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Writes the features of showing <paramref name="creative"/> to <paramref name="shopper"/> at <paramref name="at"/> (UTC)
    /// in <paramref name="placement"/>, given the creative's smoothed CTR from earlier data.
    /// </summary>
    /// <param name="interests">The shopper's interest shares in <see cref="Categories"/> order.</param>
    public void Write(Span<float> f, ShopperFeatures shopper, ReadOnlySpan<double> interests, CreativeFacts creative, int adCategory, DateTime at, string placement, double priorCtr)
    {
        if (f.Length != Width || interests.Length != Categories.Length)
        {
            throw new ArgumentException($"The vector needs {Width} slots and {Categories.Length} interests.");
        }

        f.Clear();
        var k = 0;
        var angle = 2 * Math.PI * at.Hour / 24;
        f[k++] = (float)Math.Sin(angle);
        f[k++] = (float)Math.Cos(angle);
        f[k++] = ((int)at.DayOfWeek + 6) % 7 / 6f;
        for (var i = 0; i < Placements.Length; i++, k++)
        {
            f[k] = string.Equals(Placements[i], placement, StringComparison.Ordinal) ? 1 : 0;
        }

        if (adCategory >= 0)
        {
            f[k + adCategory] = 1;
        }

        k += Categories.Length;
        double squares = 0;
        foreach (var share in interests)
        {
            squares += share * share;
        }

        var interest = adCategory >= 0 ? interests[adCategory] : 0;
        f[k++] = (float)creative.Discount;
        f[k++] = creative.HeadlineLength / 60f;
        f[k++] = (float)interest;
        f[k++] = squares > 0 ? (float)(interest / Math.Sqrt(squares)) : 0;
        // Interest relative to a uniform spread, on a log scale: halving or doubling it moves clicks alike.
        f[k++] = squares > 0 ? (float)Math.Log((Categories.Length * interest) + 0.1) : 0;
        f[k++] = (float)Math.Log(1 + shopper.EventCount);
        f[k++] = (float)Math.Log(1 + shopper.PurchaseCount);
        f[k++] = shopper.LastVisitAt is { } last ? (float)Math.Clamp((at - last).TotalDays, 0, 90) / 90f : 1;
        f[k++] = (float)priorCtr;
        f[k++] = (float)shopper.HourAffinity(at.Hour);
        var priceIndex = PriceIndex(shopper.PriceIndex);
        f[k++] = (float)priceIndex;
        f[k++] = (float)(creative.Discount * -priceIndex);
        foreach (var share in interests)
        {
            f[k++] = (float)share;
        }

        // No stored value may reach a model as NaN or infinity (a float overflows long before a double does).
        for (var i = 0; i < f.Length; i++)
        {
            if (!float.IsFinite(f[i]))
            {
                f[i] = 0;
            }
        }
    }

    /// <summary>The price index as features use it: within [−1, <see cref="ValueBounds.MaxPriceRatio"/> − 1], 0 when not finite.</summary>
    public static double PriceIndex(double priceIndex) =>
        double.IsFinite(priceIndex) ? Math.Clamp(priceIndex, -1, ValueBounds.MaxPriceRatio - 1) : 0;
}
